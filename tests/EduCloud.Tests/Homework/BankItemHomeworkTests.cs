using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>Homework with item-bank questions: attaching (only usable items), answering, automatic marking counted in the score, and the pages.</summary>
public sealed class BankItemHomeworkTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static object WithItems(Guid classId, Guid[] itemIds, double? maxScore) => new
    {
        classIds = new[] { classId }, title = "题库练习", instructions = "完成下列各题", subject = "地理", maxScore, dueAt = DateTimeOffset.UtcNow.AddDays(2),
        deadline = "Soft", attachmentIds = Array.Empty<Guid>(), itemIds,
    };

    private static async Task<HttpResponseMessage> SubmitItemsAsync(HttpClient student, Guid assignmentId, object answers, string text = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/homework/my/assignments/{assignmentId}/submission")
        {
            Content = JsonContent.Create(new { text, fileIds = Array.Empty<Guid>(), answers }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await student.SendAsync(request);
    }

    [Fact]
    public async Task Objective_bank_items_are_marked_on_submission_and_count_in_the_score()
    {
        var c = await ClassAsync(factory, students: 2, name: "题库作业小学");
        var single = await ItemAsync(c.TeacherClient, Single(points: 2));
        var blanks = await ItemAsync(c.TeacherClient, Blanks(points: 4));
        var essay = await ItemAsync(c.TeacherClient, Short(points: 5));
        var set = await SetAsync(c.TeacherClient, WithItems(c.ClassId, [single, blanks, essay], 20));
        var id = set.GetProperty("id").GetGuid();
        set.GetProperty("maxScore").GetDouble().ShouldBe(26);
        set.GetProperty("autoPoints").GetDouble().ShouldBe(6);
        set.GetProperty("items").GetArrayLength().ShouldBe(3);

        // The student sees the questions without their answers.
        var work = await c.StudentClients[0].GetFromJsonAsync<JsonElement>($"/api/v1/homework/my/assignments/{id}");
        var items = work.GetProperty("items");
        items.GetArrayLength().ShouldBe(3);
        items[0].GetProperty("stem").GetString().ShouldBe("贵州省的省会是哪座城市？");
        items[0].GetRawText().ShouldNotContain("correct", Case.Insensitive);
        items[1].GetProperty("blanks").GetInt32().ShouldBe(2);

        var response = await SubmitItemsAsync(c.StudentClients[0], id, new[]
        {
            new { itemId = single, response = new[] { "B" } },
            new { itemId = blanks, response = new[] { "北京", "CPU" } },
            new { itemId = essay, response = new[] { "释放氧气" } },
        });
        var submission = await response.ExpectAsync(HttpStatusCode.Created);
        submission.GetProperty("autoScore").GetDouble().ShouldBe(4); // 2 for the choice, 2 of 4 for one blank right
        submission.GetProperty("status").GetString().ShouldBe("Submitted");
        var answers = submission.GetProperty("answers");
        answers[0].GetProperty("correct").GetBoolean().ShouldBeTrue();
        answers[1].GetProperty("score").GetDouble().ShouldBe(2);
        answers[2].GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);

        // The teacher's part is 20 (the short answer within it); the automatic 4 adds to it.
        var sid = submission.GetProperty("id").GetGuid();
        (await ErrorAsync(await MarkAsync(c.TeacherClient, sid, new { decision = "Publish", score = 21 }), HttpStatusCode.BadRequest)).ShouldContain("0到20");
        var marked = await (await MarkAsync(c.TeacherClient, sid, new { decision = "Publish", score = 15 })).ExpectAsync(HttpStatusCode.OK);
        marked.GetProperty("score").GetDouble().ShouldBe(19);

        // The pages show the questions (student: inputs; teacher: the answers with their marks).
        using var student = new BrowserSession(factory);
        (await student.SignInAsync(c.Students[1])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await student.Http.GetStringAsync($"/homework/do/{id}");
        page.ShouldContain("name=\"q:" + single + "\"");
        page.ShouldContain("贵州省的省会是哪座城市？");
        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(c.Teacher)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var follow = await teacher.Http.GetStringAsync($"/homework/{id}");
        follow.ShouldContain("data-testid=\"hw-auto-score\">4 / 6");
    }

    [Fact]
    public async Task Only_objective_items_publish_the_mark_at_once()
    {
        var c = await ClassAsync(factory, students: 1, name: "客观题作业小学");
        var single = await ItemAsync(c.TeacherClient, Single(points: 2));
        var tf = await ItemAsync(c.TeacherClient, TrueFalse(isTrue: true));
        var id = (await SetAsync(c.TeacherClient, WithItems(c.ClassId, [single, tf], null))).GetProperty("id").GetGuid();
        var submission = await (await SubmitItemsAsync(c.StudentClients[0], id, new[] { new { itemId = single, response = new[] { "A" } }, new { itemId = tf, response = new[] { "T" } } }))
            .ExpectAsync(HttpStatusCode.Created);
        submission.GetProperty("status").GetString().ShouldBe("Marked");
        submission.GetProperty("score").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_items_and_bad_answers_are_refused_naming_the_field()
    {
        var c = await ClassAsync(factory, students: 1, name: "题库错误小学");
        var other = await ClassAsync(factory, students: 0, name: "别校小学");
        var foreign = await ItemAsync(other.TeacherClient, Single()); // not shared: not usable by c's teacher
        var single = await ItemAsync(c.TeacherClient, Single(points: 2));

        var refused = await (await c.TeacherClient.PostAsJsonAsync("/api/v1/homework/assignments", WithItems(c.ClassId, [single, foreign], 10))).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(refused, "itemIds[1]").ShouldBe("第2题不在您可用的题库中");
        var essay = await ItemAsync(c.TeacherClient, Short(points: 5));
        var tooSmall = await (await c.TeacherClient.PostAsJsonAsync("/api/v1/homework/assignments", WithItems(c.ClassId, [essay], 3))).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(tooSmall, "maxScore").ShouldContain("简答题");

        var id = (await SetAsync(c.TeacherClient, WithItems(c.ClassId, [single], 10))).GetProperty("id").GetGuid();
        var badKey = await (await SubmitItemsAsync(c.StudentClients[0], id, new[] { new { itemId = single, response = new[] { "Z" } } })).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(badKey, "answers[0]").ShouldBe("请选择一个选项");
        var notListed = await (await SubmitItemsAsync(c.StudentClients[0], id, new[] { new { itemId = foreign, response = new[] { "A" } } })).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(notListed, "answers[0]").ShouldBe("该题不在本作业中");
    }

    [Fact]
    public async Task Editing_a_bank_item_later_does_not_change_homework_already_set_with_it()
    {
        var c = await ClassAsync(factory, students: 2, name: "题目版本小学");
        var item = await ItemAsync(c.TeacherClient, Single(points: 2)); // B 贵阳 is right
        var setBefore = await SetAsync(c.TeacherClient, WithItems(c.ClassId, [item], null));
        setBefore.GetProperty("items")[0].GetProperty("version").GetInt32().ShouldBe(1);
        var before = setBefore.GetProperty("id").GetGuid();

        // The teacher rewrites the question: new stem, and A is now the right choice.
        var edited = new
        {
            kind = "SingleChoice", stem = "遵义会议在哪座城市召开？", stageCode = "junior", subjectCode = "dili", difficulty = 2, points = 2,
            knowledgePoints = new[] { "历史" },
            options = new[] { new { text = "遵义", correct = true }, new { text = "贵阳", correct = false }, new { text = "安顺", correct = false } },
        };
        var saved = await (await c.TeacherClient.PutAsJsonAsync($"/api/v1/assessment/items/{item}", edited)).ExpectAsync(HttpStatusCode.OK);
        saved.GetProperty("version").GetInt32().ShouldBe(2);
        var after = (await SetAsync(c.TeacherClient, WithItems(c.ClassId, [item], null))).GetProperty("id").GetGuid();

        // The homework set before the edit still shows and marks the question as it was set.
        var work = await c.StudentClients[0].GetFromJsonAsync<JsonElement>($"/api/v1/homework/my/assignments/{before}");
        work.GetProperty("items")[0].GetProperty("stem").GetString().ShouldBe("贵州省的省会是哪座城市？");
        var old = await (await SubmitItemsAsync(c.StudentClients[0], before, new[] { new { itemId = item, response = new[] { "B" } } })).ExpectAsync(HttpStatusCode.Created);
        old.GetProperty("answers")[0].GetProperty("correct").GetBoolean().ShouldBeTrue();
        old.GetProperty("score").GetDouble().ShouldBe(2);

        // Homework set after it uses the new version.
        var newWork = await c.StudentClients[1].GetFromJsonAsync<JsonElement>($"/api/v1/homework/my/assignments/{after}");
        newWork.GetProperty("items")[0].GetProperty("stem").GetString().ShouldBe("遵义会议在哪座城市召开？");
        var fresh = await (await SubmitItemsAsync(c.StudentClients[1], after, new[] { new { itemId = item, response = new[] { "B" } } })).ExpectAsync(HttpStatusCode.Created);
        fresh.GetProperty("answers")[0].GetProperty("correct").GetBoolean().ShouldBeFalse();

        // Sharing the item (no change to what students answer) keeps its version.
        var shared = await (await c.TeacherClient.PutAsJsonAsync($"/api/v1/assessment/items/{item}", new
        {
            edited.kind, edited.stem, edited.stageCode, edited.subjectCode, edited.difficulty, edited.points, edited.knowledgePoints, edited.options, shared = true,
        })).ExpectAsync(HttpStatusCode.OK);
        shared.GetProperty("version").GetInt32().ShouldBe(2);

        // The teacher's page of the earlier homework shows the question as set, too.
        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(c.Teacher)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.Http.GetStringAsync($"/homework/{before}")).ShouldContain("贵州省的省会是哪座城市？");
    }
}
