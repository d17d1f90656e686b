using System.Net;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Homework;

/// <summary>The demo homework on a database of its own (the demo loads only where there are no schools yet).</summary>
public sealed class HomeworkDemoTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_demo_student_has_homework_to_do_and_the_demo_parent_sees_a_mark()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using var student = new BrowserSession(factory);
        (await student.SignInAsync(new TestUser(Guid.Empty, "student", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var todo = await student.Http.GetStringAsync("/homework/todo");
        todo.ShouldContain("小作文：我的周末");
        todo.ShouldContain("背诵并默写《静夜思》");
        using var parent = new BrowserSession(factory);
        (await parent.SignInAsync(new TestUser(Guid.Empty, "parent", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var children = await parent.Http.GetStringAsync("/homework/children");
        children.ShouldContain("背诵并默写《静夜思》");
        children.ShouldContain("data-testid=\"hw-score\"");
        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.Http.GetStringAsync("/homework/analytics")).ShouldContain("背诵并默写《静夜思》");
    }

    [Fact]
    public async Task The_demo_students_finished_self_test_shows_to_the_parent_on_the_timeline_and_in_mastery()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using var parent = new BrowserSession(factory);
        (await parent.SignInAsync(new TestUser(Guid.Empty, "parent", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var attempts = await parent.Http.GetStringAsync("/assess/children");
        attempts.ShouldContain("第一单元自测");
        attempts.ShouldContain("7");
        using var student = new BrowserSession(factory);
        (await student.SignInAsync(new TestUser(Guid.Empty, "student", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await student.Http.GetStringAsync("/timeline")).ShouldContain("第一单元自测");
        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mastery = await teacher.Http.GetStringAsync("/assess/mastery");
        mastery.ShouldContain("家乡地理");
        mastery.ShouldContain("100.0"); // the capital, answered right
        mastery.ShouldContain("0.0");   // the primes, half answered
    }
}
