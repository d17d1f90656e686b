using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

/// <summary>/org?class={id} through the real pipeline, signed in with a cookie as a browser would be.</summary>
public sealed class ClassNodePageTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<(Guid GradeId, Guid ClassId)> ClassAtNewSchoolAsync(HttpClient api, string schoolName, Guid yearId)
    {
        var schoolId = await OrgApi.CreateSchoolAsync(api, name: schoolName);
        var grade = await api.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 2 });
        var gradeId = grade.GetProperty("id").GetGuid();
        var cls = await api.CreatedAsync("/api/v1/classes", new { gradeId, number = 4 });
        return (gradeId, cls.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_class_shows_its_path_and_roster_and_a_teacher_cannot_open_another_schools_class()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var api = await factory.ClientForAsync(admin);
        var (gradeId, classId) = await ClassAtNewSchoolAsync(api, "班级节点小学", yearId);
        var (_, otherClassId) = await ClassAtNewSchoolAsync(api, "别校节点小学", yearId);
        var teacher = await factory.CreateUserAsync("Teacher", classId: classId);
        await factory.CreateUserAsync("Student", classId: classId);
        await factory.CreateUserAsync("Student", classId: classId);

        using var browser = new BrowserSession(factory);
        (await browser.SignInAsync(admin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var grade = await (await browser.Http.GetAsync($"/org?grade={gradeId}")).HtmlAsync();
        grade.ShouldContain($"href=\"/org?class={classId}\"");
        var html = await (await browser.Http.GetAsync($"/org?class={classId}")).HtmlAsync();

        var crumbs = html[html.IndexOf("data-testid=\"breadcrumbs\"", StringComparison.Ordinal)..html.IndexOf("</nav>", html.IndexOf("data-testid=\"breadcrumbs\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        string[] path = ["贵州省", "贵阳市", "南明区", "班级节点小学", "二年级", "4班"];
        var at = 0;
        foreach (var name in path)
        {
            var next = crumbs.IndexOf(name, at, StringComparison.Ordinal);
            next.ShouldBeGreaterThan(at - 1, $"{name} missing or out of order in the breadcrumbs");
            at = next;
        }
        html.ShouldContain("data-testid=\"teacher-count\">1<");
        html.ShouldContain("data-testid=\"student-count\">2<");

        using var teacherBrowser = new BrowserSession(factory);
        (await teacherBrowser.SignInAsync(teacher)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var own = await (await teacherBrowser.Http.GetAsync($"/org?class={classId}")).HtmlAsync();
        own.ShouldContain("班级节点小学");
        own.ShouldContain("data-testid=\"class-node\"");
        var other = await (await teacherBrowser.Http.GetAsync($"/org?class={otherClassId}")).HtmlAsync();
        other.ShouldContain("未找到该班级");
        other.ShouldNotContain("别校节点小学");
        other.ShouldNotContain("data-testid=\"class-node\"");
    }
}
