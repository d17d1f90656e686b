using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Records.Data;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>Submitting: deadlines, idempotency, versions, privacy between students, and the xAPI statements.</summary>
public sealed class SubmissionTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_hard_deadline_refuses_late_work_and_a_soft_one_takes_it_marked_late()
    {
        var c = await ClassAsync(factory, students: 2);
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        var hard = await SetIdAsync(c.TeacherClient, Body(c.ClassId, due, "Hard", title: "硬截止"));
        var soft = await SetIdAsync(c.TeacherClient, Body(c.ClassId, due, "Soft", title: "软截止"));
        (await SubmittedAsync(c.StudentClients[0], soft)).GetProperty("late").GetBoolean().ShouldBeFalse();

        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));

        (await ErrorAsync(await SubmitAsync(c.StudentClients[1], hard, "late-hard"), HttpStatusCode.Conflict)).ShouldBe("已过截止时间，该作业逾期不收");
        var late = await SubmittedAsync(c.StudentClients[1], soft);
        late.GetProperty("late").GetBoolean().ShouldBeTrue();
        var follow = await c.TeacherClient.GetFromJsonAsync<JsonElement>($"/api/v1/homework/assignments/{soft}");
        follow.GetProperty("submitted").GetInt32().ShouldBe(2);
        follow.GetProperty("late").GetInt32().ShouldBe(1);
        var hardFollow = await c.TeacherClient.GetFromJsonAsync<JsonElement>($"/api/v1/homework/assignments/{hard}");
        hardFollow.GetProperty("missing").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task The_same_key_sent_many_times_at_once_makes_one_submission()
    {
        var c = await ClassAsync(factory, students: 1);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId));
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitAsync(c.StudentClients[0], id, key)));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.OK);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        ids.Distinct().Count().ShouldBe(1);
        var follow = await c.TeacherClient.GetFromJsonAsync<JsonElement>($"/api/v1/homework/assignments/{id}");
        follow.GetProperty("submitted").GetInt32().ShouldBe(1);
        var submission = await c.StudentClients[0].GetFromJsonAsync<JsonElement>($"/api/v1/homework/submissions/{ids[0]}");
        submission.GetProperty("version").GetInt32().ShouldBe(1);
        (await factory.AsPlatformAsync(sp => sp.GetRequiredService<EduCloud.Homework.Data.HomeworkDbContext>().Versions.CountAsync(v => v.SubmissionId == ids[0]))).ShouldBe(1);

        (await ErrorAsync(await SubmitAsync(c.StudentClients[0], id, ""), HttpStatusCode.BadRequest)).ShouldStartWith("缺少提交标识");
    }

    [Fact]
    public async Task Resubmitting_before_marking_replaces_the_content_and_keeps_the_earlier_version()
    {
        var c = await ClassAsync(factory, students: 1);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId));
        var first = await SubmittedAsync(c.StudentClients[0], id, text: "初稿");
        var again = await SubmitAsync(c.StudentClients[0], id, Guid.NewGuid().ToString(), "修改稿");
        var json = await again.Content.ReadFromJsonAsync<JsonElement>();
        again.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        json.GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        json.GetProperty("text").GetString().ShouldBe("修改稿");
        json.GetProperty("version").GetInt32().ShouldBe(2);
        json.GetProperty("earlierVersions")[0].GetProperty("text").GetString().ShouldBe("初稿");
    }

    [Fact]
    public async Task A_student_cannot_see_another_students_submission()
    {
        var c = await ClassAsync(factory, students: 2);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId));
        var mine = (await SubmittedAsync(c.StudentClients[0], id)).GetProperty("id").GetGuid();

        (await c.StudentClients[1].GetAsync($"/api/v1/homework/submissions/{mine}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await c.StudentClients[0].GetAsync($"/api/v1/homework/submissions/{mine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await c.StudentClients[1].GetFromJsonAsync<JsonElement>($"/api/v1/homework/my/assignments/{id}");
        other.GetProperty("submission").ValueKind.ShouldBe(JsonValueKind.Null);
        // A student outside the class does not find the assignment at all.
        var outsider = await ClassAsync(factory, students: 1, name: "外校");
        (await outsider.StudentClients[0].GetAsync($"/api/v1/homework/my/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ErrorAsync(await SubmitAsync(outsider.StudentClients[0], id, "x"), HttpStatusCode.NotFound)).ShouldBe("未找到该作业");
    }

    [Fact]
    public async Task Opening_submitting_and_being_marked_are_recorded_as_xapi_statements()
    {
        var c = await ClassAsync(factory, students: 1);
        var id = await SetIdAsync(c.TeacherClient, Body(c.ClassId, maxScore: 20));
        (await c.StudentClients[0].GetAsync($"/api/v1/homework/my/assignments/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submission = (await SubmittedAsync(c.StudentClients[0], id)).GetProperty("id").GetGuid();
        (await MarkAsync(c.TeacherClient, submission, new { decision = "Publish", score = 15, comment = "很好" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var activity = $"https://www.educloud.cn/activities/homework/{id}";
        var statements = await factory.AsPlatformAsync(sp => sp.GetRequiredService<RecordsDbContext>().Statements.AsNoTracking()
            .Where(s => s.ActivityId == activity && s.PersonId == c.Students[0].Id).Select(s => new { s.VerbId, s.Json }).ToListAsync());
        statements.Select(s => s.VerbId).ShouldBe([EduCloud.Records.Contracts.Verbs.Experienced, EduCloud.Records.Contracts.Verbs.Submitted, EduCloud.Records.Contracts.Verbs.Scored], ignoreOrder: true);
        var scored = JsonDocument.Parse(statements.Single(s => s.VerbId == EduCloud.Records.Contracts.Verbs.Scored).Json).RootElement.GetProperty("result").GetProperty("score");
        scored.GetProperty("raw").GetDouble().ShouldBe(15);
        scored.GetProperty("max").GetDouble().ShouldBe(20);
        scored.GetProperty("scaled").GetDouble().ShouldBe(0.75);
    }
}
