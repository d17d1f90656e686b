using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Spaces;

/// <summary>The spaces pages on the demo data, walked like a browser without JavaScript.</summary>
public sealed partial class SpacesPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_demo_parent_acknowledges_the_notice_on_the_page_and_the_teacher_sees_the_count()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sent = await teacher.Http.GetStringAsync("/spaces/notices");
        var noticeId = NoticeLink().Match(sent).Groups[1].Value;
        (await teacher.Http.GetStringAsync($"/spaces/notices/{noticeId}")).ShouldContain("data-testid=\"receipt-ack\">0<");

        using var parent = new BrowserSession(factory);
        (await parent.SignInAsync(new TestUser(Guid.Empty, "parent", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var space = await parent.Http.GetStringAsync("/space");
        space.ShouldContain("关于召开期中家长会的通知");
        space.ShouldContain("data-read=\"no\"");
        space.ShouldContain("/spaces/class/");
        var page = await parent.Http.GetStringAsync($"/spaces/notices/{noticeId}");
        var token = BrowserSession.AntiforgeryToken(page);
        var ack = await parent.Http.PostAsync($"/spaces/actions/notices/{noticeId}/acknowledge", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        ack.Headers.Location!.ToString().ShouldBe($"/spaces/notices/{noticeId}?done=acknowledged");
        (await parent.Http.GetStringAsync($"/spaces/notices/{noticeId}")).ShouldContain("data-testid=\"acknowledged\"");
        (await parent.Http.GetStringAsync("/spaces/messages")).ShouldContain("朗读");

        var receipts = await teacher.Http.GetStringAsync($"/spaces/notices/{noticeId}");
        receipts.ShouldContain("data-testid=\"receipt-ack\">1<");
        (await teacher.Http.GetStringAsync("/spaces/plans")).ShouldContain("《春》第一课时");
        (await teacher.Http.GetStringAsync("/spaces/groups")).ShouldContain("语文教研组");
        var classId = ClassLink().Match(await teacher.Http.GetStringAsync("/space")).Groups[1].Value;
        var classSpace = await teacher.Http.GetStringAsync($"/spaces/class/{classId}");
        classSpace.ShouldContain("data-testid=\"space-member\"");
        // The teacher opens a student's learning timeline from the class space.
        var timeline = TimelineLink().Match(classSpace).Groups[1].Value;
        timeline.ShouldNotBeEmpty();
        (await teacher.Http.GetStringAsync($"/timeline/{timeline}")).ShouldContain("学习生涯记录");
        (await parent.Http.GetStringAsync($"/spaces/class/{classId}")).ShouldNotContain("data-testid=\"member-timeline\"");
        (await teacher.Http.GetStringAsync("/")).ShouldContain("data-testid=\"link-space\"");
    }

    [GeneratedRegex("href=\"/spaces/notices/([0-9a-f-]{36})\"")]
    private static partial Regex NoticeLink();

    [GeneratedRegex("href=\"/timeline/([0-9a-f-]{36})\" data-testid=\"member-timeline\"")]
    private static partial Regex TimelineLink();

    [GeneratedRegex("href=\"/spaces/class/([0-9a-f-]{36})\"")]
    private static partial Regex ClassLink();
}
