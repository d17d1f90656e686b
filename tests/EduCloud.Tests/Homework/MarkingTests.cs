using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>Following, marking by rubric, file comments, returning for redo; what the student and the parents then see.</summary>
public sealed class MarkingTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly object Rubric = new[] { new { name = "解题过程", points = 6.0 }, new { name = "答案", points = 4.0 } };

    [Fact]
    public async Task The_teacher_marks_by_rubric_comments_on_a_file_and_the_student_and_parent_see_it()
    {
        var c = await ClassAsync(factory, students: 2);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId, rubric: Rubric, maxScore: null));
        var fileId = await UploadedAsync(c.StudentClients[0], "解答.pdf", Pdf("解答"));
        var submission = (await SubmittedAsync(c.StudentClients[0], id, fileIds: [fileId])).GetProperty("id").GetGuid();

        var follow = await c.TeacherClient.GetFromJsonAsync<JsonElement>($"/api/v1/homework/assignments/{id}");
        follow.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("state").GetString()).ShouldBe(["Submitted", "Missing"], ignoreOrder: true);
        (await c.TeacherClient.GetAsync($"/api/v1/homework/submissions/{submission}/files/{fileId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ErrorAsync(await MarkAsync(c.TeacherClient, submission, new { decision = "Publish", criterionPoints = new[] { 7.0, 4.0 } }), HttpStatusCode.BadRequest))
            .ShouldBe("「解题过程」的得分须在0到6之间");
        var comment = await c.TeacherClient.PostAsJsonAsync($"/api/v1/homework/submissions/{submission}/file-comments", new { fileId, anchor = "第2页", text = "第3题单位漏写" });
        comment.StatusCode.ShouldBe(HttpStatusCode.Created, await comment.Content.ReadAsStringAsync());
        var marked = await MarkAsync(c.TeacherClient, submission, new { decision = "Publish", criterionPoints = new[] { 5.0, 3.5 }, comment = "过程清楚" });
        var markedJson = await marked.Content.ReadFromJsonAsync<JsonElement>();
        marked.StatusCode.ShouldBe(HttpStatusCode.OK, markedJson.ToString());
        markedJson.GetProperty("score").GetDouble().ShouldBe(8.5);

        var work = await c.StudentClients[0].GetFromJsonAsync<JsonElement>($"/api/v1/homework/my/assignments/{id}");
        var mine = work.GetProperty("submission");
        mine.GetProperty("status").GetString().ShouldBe("Marked");
        mine.GetProperty("score").GetDouble().ShouldBe(8.5);
        mine.GetProperty("comment").GetString().ShouldBe("过程清楚");
        mine.GetProperty("fileComments")[0].GetProperty("anchor").GetString().ShouldBe("第2页");
        (await ErrorAsync(await SubmitAsync(c.StudentClients[0], id, "after-mark"), HttpStatusCode.Conflict)).ShouldBe("作业已批改并公布成绩，不能再提交");

        var parent = await factory.CreateUserAsync("Parent", childIds: [c.Students[0].Id]);
        using var parentClient = await factory.ClientForAsync(parent);
        var children = await parentClient.GetFromJsonAsync<JsonElement>("/api/v1/homework/children");
        var done = children[0].GetProperty("done")[0];
        done.GetProperty("score").GetDouble().ShouldBe(8.5);
        done.GetProperty("comment").GetString().ShouldBe("过程清楚");
        (await parentClient.GetAsync($"/api/v1/homework/submissions/{submission}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_familys_parent_sees_nothing_of_the_child()
    {
        var c = await ClassAsync(factory, students: 2);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId));
        var submission = (await SubmittedAsync(c.StudentClients[0], id)).GetProperty("id").GetGuid();
        (await MarkAsync(c.TeacherClient, submission, new { decision = "Publish", score = 90 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var otherParent = await factory.CreateUserAsync("Parent", childIds: [c.Students[1].Id]);
        using var client = await factory.ClientForAsync(otherParent);

        var children = await client.GetFromJsonAsync<JsonElement>("/api/v1/homework/children");
        children.GetArrayLength().ShouldBe(1);
        children[0].GetProperty("id").GetGuid().ShouldBe(c.Students[1].Id);
        children[0].GetProperty("done").GetArrayLength().ShouldBe(0);
        children.ToString().ShouldNotContain(submission.ToString());
        (await client.GetAsync($"/api/v1/homework/submissions/{submission}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/homework/my/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Returned_work_can_be_redone_and_the_to_do_list_shows_it_again()
    {
        var c = await ClassAsync(factory, students: 1);
        var soon = await SetIdAsync(c.TeacherClient, Body(c.ClassId, DateTimeOffset.UtcNow.AddDays(1), title: "明天交"));
        var later = await SetIdAsync(c.TeacherClient, Body(c.ClassId, DateTimeOffset.UtcNow.AddDays(5), title: "下周交"));
        var todo = await c.StudentClients[0].GetFromJsonAsync<JsonElement>("/api/v1/homework/todo");
        todo.GetProperty("todo").EnumerateArray().Select(t => t.GetProperty("assignmentId").GetGuid()).ShouldBe([soon, later]);

        var submission = (await SubmittedAsync(c.StudentClients[0], soon, text: "草稿")).GetProperty("id").GetGuid();
        (await ErrorAsync(await MarkAsync(c.TeacherClient, submission, new { decision = "Return" }), HttpStatusCode.BadRequest)).ShouldBe("退回重做时请写明评语");
        (await MarkAsync(c.TeacherClient, submission, new { decision = "Return", comment = "请写出计算过程" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        todo = await c.StudentClients[0].GetFromJsonAsync<JsonElement>("/api/v1/homework/todo");
        var first = todo.GetProperty("todo")[0];
        first.GetProperty("state").GetString().ShouldBe("Returned");
        first.GetProperty("comment").GetString().ShouldBe("请写出计算过程");

        var redo = await SubmittedAsync(c.StudentClients[0], soon, text: "完整过程");
        redo.GetProperty("status").GetString().ShouldBe("Submitted");
        redo.GetProperty("version").GetInt32().ShouldBe(2);
        todo = await c.StudentClients[0].GetFromJsonAsync<JsonElement>("/api/v1/homework/todo");
        todo.GetProperty("todo").EnumerateArray().Select(t => t.GetProperty("assignmentId").GetGuid()).ShouldBe([later]);
    }
}
