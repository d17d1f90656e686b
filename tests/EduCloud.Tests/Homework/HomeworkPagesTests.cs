using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>The SSR pages without JavaScript: set with a file, submit twice with the page's one key, mark, and the parent's view</summary>
public sealed partial class HomeworkPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Set_submit_twice_mark_and_the_parent_sees_the_score_on_the_pages()
    {
        var c = await ClassAsync(factory, students: 1);
        var parent = await factory.CreateUserAsync("Parent", childIds: [c.Students[0].Id]);

        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(c.Teacher)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var newPage = await teacher.Http.GetStringAsync("/homework/new");
        var set = await PostAsync(teacher, "/homework/actions/set", Token(newPage), new()
        {
            ["classIds"] = c.ClassId.ToString(), ["title"] = "页面布置的作业", ["subject"] = "语文", ["maxScore"] = "100",
            ["dueAt"] = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-ddTHH:mm"), ["deadline"] = "Soft", ["rubric"] = "",
        }, ("files", "说明.pdf", Pdf("说明")));
        set.Headers.Location!.ToString().ShouldBe("/homework?done=set");
        var list = await teacher.Http.GetStringAsync("/homework");
        list.ShouldContain("页面布置的作业");
        var id = Guid.Parse(AssignmentLink().Match(list).Groups[1].Value);

        using var student = new BrowserSession(factory);
        (await student.SignInAsync(c.Students[0])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await student.Http.GetStringAsync("/homework/todo")).ShouldContain("页面布置的作业");
        var work = await student.Http.GetStringAsync($"/homework/do/{id}");
        work.ShouldContain("说明.pdf");
        var key = KeyInput().Match(work).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["assignmentId"] = id.ToString(), ["key"] = key, ["text"] = "页面上的作答" };
        // A double-click: the same rendered form posted twice.
        (await PostAsync(student, "/homework/actions/submit", Token(work), fields)).Headers.Location!.ToString().ShouldBe($"/homework/do/{id}?done=submit");
        (await PostAsync(student, "/homework/actions/submit", Token(work), fields)).Headers.Location!.ToString().ShouldBe($"/homework/do/{id}?done=submit");
        var follow = await c.TeacherClient.GetFromJsonAsync<JsonElement>($"/api/v1/homework/assignments/{id}");
        follow.GetProperty("submitted").GetInt32().ShouldBe(1);
        follow.GetProperty("students")[0].GetProperty("version").GetInt32().ShouldBe(1);

        var followPage = await teacher.Http.GetStringAsync($"/homework/{id}");
        followPage.ShouldContain("页面上的作答");
        var submissionId = SubmissionInput().Match(followPage).Groups[1].Value;
        var mark = await PostAsync(teacher, "/homework/actions/mark", Token(followPage), new()
        {
            ["assignmentId"] = id.ToString(), ["submissionId"] = submissionId, ["score"] = "88", ["comment"] = "书写认真", ["decision"] = "Publish",
        });
        mark.Headers.Location!.ToString().ShouldBe($"/homework/{id}?done=mark");
        var over = await PostAsync(teacher, "/homework/actions/mark", Token(followPage), new()
        {
            ["assignmentId"] = id.ToString(), ["submissionId"] = submissionId, ["score"] = "120", ["decision"] = "Publish",
        });
        Uri.UnescapeDataString(over.Headers.Location!.ToString()).ShouldContain("分数须在0到100之间");

        (await student.Http.GetStringAsync($"/homework/do/{id}")).ShouldContain("书写认真");
        using var parentSession = new BrowserSession(factory);
        (await parentSession.SignInAsync(parent)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var children = await parentSession.Http.GetStringAsync("/homework/children");
        children.ShouldContain("页面布置的作业");
        children.ShouldContain("88 / 100");
        children.ShouldContain("书写认真");
    }

    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string url, string token, Dictionary<string, string> fields,
        params (string Field, string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        foreach (var (field, name, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, name);
        }
        var response = await session.Http.PostAsync(url, form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static string Token(string html) => BrowserSession.AntiforgeryToken(html);

    [GeneratedRegex("name=\"key\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex KeyInput();

    [GeneratedRegex("name=\"submissionId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionInput();

    [GeneratedRegex("href=\"/homework/([0-9a-f-]{36})\"")]
    private static partial Regex AssignmentLink();
}
