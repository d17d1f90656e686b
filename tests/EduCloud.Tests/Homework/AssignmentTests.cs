using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>Setting homework: own classes only, the rules of the input, edit/close/delete around submissions.</summary>
public sealed class AssignmentTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_teacher_sets_homework_for_two_of_their_classes_and_not_for_another_teachers_class()
    {
        var first = await ClassAsync(factory, students: 0, name: "第一小学");
        var other = await ClassAsync(factory, students: 0, name: "第二小学");
        // The first teacher also teaches a second class.
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var second = (await EduCloud.Tests.Teachers.TeacherApi.SchoolWithClassAsync(factory, county, "520102", "第三小学")).ClassId;
        var teacher = await factory.CreateUserAsync("Teacher", classId: first.ClassId);
        (await county.PostAsJsonAsync($"/api/v1/accounts/{teacher.Id}/roles", new { role = "Teacher", classId = second, subject = "数学" })).IsSuccessStatusCode.ShouldBeTrue();
        using var client = await factory.ClientForAsync(teacher);

        var response = await client.PostAsJsonAsync("/api/v1/homework/assignments", new
        {
            classIds = new[] { first.ClassId, second }, title = "口算练习", subject = "数学", maxScore = 10, dueAt = DateTimeOffset.UtcNow.AddDays(1), deadline = "Hard",
        });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, created.ToString());
        created.GetArrayLength().ShouldBe(2);
        created[0].GetProperty("setId").GetGuid().ShouldBe(created[1].GetProperty("setId").GetGuid());
        created.EnumerateArray().Select(a => a.GetProperty("classId").GetGuid()).ShouldBe([first.ClassId, second], ignoreOrder: true);

        var forbidden = await client.PostAsJsonAsync("/api/v1/homework/assignments", Body(other.ClassId));
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.TeacherClient.GetFromJsonAsync<JsonElement>("/api/v1/homework/assignments")).GetArrayLength().ShouldBe(0);
        (await other.TeacherClient.GetAsync($"/api/v1/homework/assignments/{created[0].GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_named_chinese_errors()
    {
        var c = await ClassAsync(factory, students: 0);
        var response = await c.TeacherClient.PostAsJsonAsync("/api/v1/homework/assignments", new
        {
            classIds = new[] { c.ClassId }, title = "", subject = "数学", maxScore = 100, dueAt = DateTimeOffset.UtcNow.AddDays(-1), deadline = "Sometimes",
            rubric = new[] { new { name = "过程", points = 60.0 }, new { name = "结果", points = 30.0 } },
        });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, json.ToString());
        var errors = json.GetProperty("errors");
        errors.GetProperty("title")[0].GetString().ShouldBe("作业标题不能为空");
        errors.GetProperty("dueAt")[0].GetString().ShouldBe("截止时间须晚于现在");
        errors.GetProperty("deadline")[0].GetString()!.ShouldContain("截止规则");
        errors.GetProperty("rubric")[0].GetString().ShouldBe("评分细则各项分值之和（90）须等于满分（100）");
    }

    [Fact]
    public async Task Homework_can_be_edited_and_deleted_only_before_anyone_submits_and_closed_any_time()
    {
        var c = await ClassAsync(factory, students: 1);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId));
        var edited = await c.TeacherClient.PutAsJsonAsync($"/api/v1/homework/assignments/{id}", new
        {
            title = "第三单元练习（修订）", subject = "数学", dueAt = DateTimeOffset.UtcNow.AddDays(2), deadline = "Soft",
            rubric = new[] { new { name = "过程", points = 6.0 }, new { name = "结果", points = 4.0 } },
        });
        var json = await edited.Content.ReadFromJsonAsync<JsonElement>();
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("maxScore").GetDouble().ShouldBe(10);
        json.GetProperty("rubric").GetArrayLength().ShouldBe(2);

        await SubmittedAsync(c.StudentClients[0], id);
        (await ErrorAsync(await c.TeacherClient.PutAsJsonAsync($"/api/v1/homework/assignments/{id}", new { title = "再改", subject = "数学", maxScore = 10, dueAt = DateTimeOffset.UtcNow.AddDays(2), deadline = "Soft" }),
            HttpStatusCode.Conflict)).ShouldBe("已有学生提交，不能再修改作业");
        (await ErrorAsync(await c.TeacherClient.DeleteAsync($"/api/v1/homework/assignments/{id}"), HttpStatusCode.Conflict)).ShouldStartWith("已有学生提交，不能删除作业");

        var closed = await c.TeacherClient.PostAsync($"/api/v1/homework/assignments/{id}/close", null);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorAsync(await SubmitAsync(c.StudentClients[0], id, "after-close"), HttpStatusCode.Conflict)).ShouldBe("老师已结束收取该作业，不能再提交");

        var empty = await SetIdAsync(c.TeacherClient, Body(c.ClassId, title: "没人交的作业"));
        (await c.TeacherClient.DeleteAsync($"/api/v1/homework/assignments/{empty}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await c.TeacherClient.GetAsync($"/api/v1/homework/assignments/{empty}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
