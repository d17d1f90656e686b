using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;
using static EduCloud.Tests.Resources.Discovery.DiscoveryApi;

namespace EduCloud.Tests.Resources.Discovery;

/// <summary>推送到班级: a teacher pushes to their own class, its students see and use it, the teacher reads the record of use.</summary>
public sealed class PushToClassTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly string[] Chun = ["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"];

    [Fact]
    public async Task A_teacher_pushes_to_their_class_the_students_see_it_and_each_use_is_recorded_per_class()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 推送测试", "design");
        var (teacher, _, _, classId) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var studentUser = await factory.CreateUserAsync("Student", classId: classId);
        using var student = await factory.ClientForAsync(studentUser);
        using var classmate = await factory.ClientForAsync(await factory.CreateUserAsync("Student", classId: classId));

        var myClasses = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/my-classes");
        myClasses.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([classId]);
        (await student.GetFromJsonAsync<JsonElement>("/api/v1/resources/class")).GetArrayLength().ShouldBe(0);

        var pushes = await OkAsync(await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = new[] { classId }, note = "预习：朗读第一段" }));
        var pushId = pushes[0].GetProperty("id").GetGuid();

        var seen = await student.GetFromJsonAsync<JsonElement>("/api/v1/resources/class");
        seen.GetArrayLength().ShouldBe(1);
        seen[0].GetProperty("title").GetString().ShouldBe("《春》 推送测试");
        seen[0].GetProperty("note").GetString().ShouldBe("预习：朗读第一段");

        // Opening (API and page) and downloading are recorded per class.
        (await OkAsync(await student.GetAsync($"/api/v1/resources/class/{pushId}"))).GetProperty("format").GetString().ShouldBe("pdf");
        var file = await student.GetAsync($"/api/v1/resources/class/{pushId}/file?download=true");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
        using (var session = new BrowserSession(factory))
        {
            (await session.SignInAsync(studentUser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await session.Http.PageAsync("/")).ShouldContain("/resources/class");
            (await session.Http.PageAsync("/resources/class")).ShouldContain("《春》 推送测试");
            (await session.Http.PageAsync($"/resources/class/{pushId}")).ShouldContain("data-testid=\"preview\"");
        }

        var report = await OkAsync(await teacher.GetAsync($"/api/v1/resources/class/{pushId}/uses"));
        report.GetProperty("students").GetInt32().ShouldBe(2);
        report.GetProperty("studentsWhoOpened").GetInt32().ShouldBe(1);
        report.GetProperty("opens").GetInt32().ShouldBe(2);
        report.GetProperty("downloads").GetInt32().ShouldBe(1);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        var mine = rows.Single(r => r.GetProperty("studentId").GetGuid() == studentUser.Id);
        (mine.GetProperty("opens").GetInt32(), mine.GetProperty("downloads").GetInt32()).ShouldBe((2, 1));
        rows.Single(r => r.GetProperty("studentId").GetGuid() != studentUser.Id).GetProperty("opens").GetInt32().ShouldBe(0);
        // Students' uses count as uses of the resource ("most used").
        (await SearchAsync(teacher, "sort=mostused")).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("id").GetGuid() == id).GetProperty("useCount").GetInt64().ShouldBe(3);
        // The teacher's page shows the record too.
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/class")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Nobody_pushes_to_or_reads_another_teachers_class()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 越权推送", "design");
        var (teacher, _, _, classId) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var (stranger, _, _, strangerClass) = await ResourceApi.TeacherAsync(factory);
        using var _s = stranger;
        using var student = await factory.ClientForAsync(await factory.CreateUserAsync("Student", classId: classId));
        using var otherStudent = await factory.ClientForAsync(await factory.CreateUserAsync("Student", classId: strangerClass));

        // Another teacher's class, or a mix of mine and theirs: 403 and nothing pushed.
        (await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = new[] { strangerClass } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = new[] { classId, strangerClass } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await student.GetFromJsonAsync<JsonElement>("/api/v1/resources/class")).GetArrayLength().ShouldBe(0);
        // Students and providers do not push at all; an empty class list is a field error.
        (await student.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = new[] { classId } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var empty = await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = Array.Empty<Guid>() });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.JsonAsync()).GetProperty("errors").GetProperty("classIds")[0].GetString().ShouldBe("请选择要推送的班级");

        var pushId = (await OkAsync(await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = new[] { classId } })))[0].GetProperty("id").GetGuid();
        // Another class's student and another teacher neither open it nor read its record: 404.
        (await otherStudent.GetAsync($"/api/v1/resources/class/{pushId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherStudent.GetAsync($"/api/v1/resources/class/{pushId}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherStudent.GetFromJsonAsync<JsonElement>("/api/v1/resources/class")).GetArrayLength().ShouldBe(0);
        (await stranger.GetAsync($"/api/v1/resources/class/{pushId}/uses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await student.GetAsync($"/api/v1/resources/class/{pushId}/uses")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_priced_resource_without_an_entitlement_cannot_be_pushed()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 付费精品课", "design", kind: "Personalised", price: 1990);
        var (teacher, _, _, classId) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var refused = await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/push", new { classIds = new[] { classId } });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/class")).GetArrayLength().ShouldBe(0);
    }
}
