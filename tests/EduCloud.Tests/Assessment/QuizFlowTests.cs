using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Records;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>自测: a teacher assigns a quiz, a student takes it (idempotent start, saved answers), auto-marking, hand marking, statistics, xAPI.</summary>
public sealed class QuizFlowTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static Guid ItemOf(JsonElement attempt, string kind, int skip = 0) =>
        attempt.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == kind).Skip(skip).First().GetProperty("quizItemId").GetGuid();

    [Fact]
    public async Task A_student_takes_a_quiz_objective_items_are_marked_at_once_and_the_teacher_marks_the_rest()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (student, studentClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var items = new List<Guid>();
        foreach (var body in new[] { Single(), Multiple(), TrueFalse(true), Blanks(), Latin(), Short() })
        {
            items.Add(await ItemAsync(teacher, body));
        }
        var quizId = await QuizAsync(teacher, items, [school.ClassA]);

        var listed = await studentClient.GetFromJsonAsync<JsonElement>("/api/v1/assessment/quizzes");
        listed.EnumerateArray().Single().GetProperty("open").GetBoolean().ShouldBeTrue();
        var attempt = await StartAsync(studentClient, quizId);
        var attemptId = attempt.GetProperty("id").GetGuid();
        // Starting again, or twice at once, returns the same open attempt.
        (await StartAsync(studentClient, quizId)).GetProperty("id").GetGuid().ShouldBe(attemptId);
        var racing = await Task.WhenAll(StartAsync(studentClient, quizId), StartAsync(studentClient, quizId));
        racing.ShouldAllBe(r => r.GetProperty("id").GetGuid() == attemptId);
        attempt.GetProperty("items")[0].GetProperty("options")[1].GetProperty("correct").ValueKind.ShouldBe(JsonValueKind.Null);

        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "SingleChoice"), "A")).ExpectAsync(HttpStatusCode.NoContent);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "SingleChoice"), "B")).ExpectAsync(HttpStatusCode.NoContent);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "MultipleChoice"), "A")).ExpectAsync(HttpStatusCode.NoContent);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "TrueFalse"), "T")).ExpectAsync(HttpStatusCode.NoContent);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "FillBlank"), " 北京市 ", "CPU")).ExpectAsync(HttpStatusCode.NoContent);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "FillBlank", 1), "ａＢｃ ")).ExpectAsync(HttpStatusCode.NoContent);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "ShortAnswer"), "光能变成化学能")).ExpectAsync(HttpStatusCode.NoContent);
        var bad = await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "SingleChoice"), "Z")).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(bad, "response").ShouldBe("请选择一个选项");

        // The answers survive a reload, and nothing is marked yet.
        var reloaded = await studentClient.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/attempts/{attemptId}");
        reloaded.GetProperty("items")[0].GetProperty("response").EnumerateArray().Select(r => r.GetString()).ShouldBe(["B"]);
        reloaded.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);

        var submitted = await (await SubmitAsync(studentClient, attemptId)).ExpectAsync(HttpStatusCode.OK);
        // single 2 + multiple 0 (all-or-nothing) + true/false 1 + blanks 2 of 4 (one of two) + full-width "ａＢｃ" 2 = 7; short answer waits.
        submitted.GetProperty("score").GetDecimal().ShouldBe(7m);
        submitted.GetProperty("maxScore").GetInt32().ShouldBe(17);
        submitted.GetProperty("status").GetString().ShouldBe("Submitted");
        submitted.GetProperty("pendingMarks").GetInt32().ShouldBe(1);
        submitted.GetProperty("items")[1].GetProperty("options")[0].GetProperty("correct").GetBoolean().ShouldBeTrue();
        var twice = await (await SubmitAsync(studentClient, attemptId)).ExpectAsync(HttpStatusCode.OK);
        // The same submission (PostgreSQL keeps microseconds, so the re-read time may lose the last tick).
        (twice.GetProperty("submittedAt").GetDateTime() - submitted.GetProperty("submittedAt").GetDateTime()).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1));
        twice.GetProperty("score").GetDecimal().ShouldBe(7m);
        await (await AnswerAsync(studentClient, attemptId, ItemOf(attempt, "SingleChoice"), "A")).ExpectAsync(HttpStatusCode.Conflict);
        // One attempt allowed: no second start.
        await (await studentClient.PostAsync($"/api/v1/assessment/quizzes/{quizId}/attempts", null)).ExpectAsync(HttpStatusCode.Conflict);

        var shortId = ItemOf(attempt, "ShortAnswer");
        var tooMuch = await (await teacher.PostAsJsonAsync($"/api/v1/assessment/attempts/{attemptId}/answers/{shortId}/mark", new { score = 6 })).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(tooMuch, "score").ShouldBe("得分须在0到5之间（可到0.1分）");
        var marked = await (await teacher.PostAsJsonAsync($"/api/v1/assessment/attempts/{attemptId}/answers/{shortId}/mark", new { score = 4, comment = "还应提到释放氧气" }))
            .ExpectAsync(HttpStatusCode.OK);
        marked.GetProperty("status").GetString().ShouldBe("Marked");
        marked.GetProperty("score").GetDecimal().ShouldBe(11m);
        var result = await studentClient.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/attempts/{attemptId}");
        result.GetProperty("score").GetDecimal().ShouldBe(11m);
        result.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "ShortAnswer").GetProperty("comment").GetString().ShouldBe("还应提到释放氧气");

        // Every learning act is an xAPI statement of this registration, which the student can read.
        using var xapi = await Xapi.BearerClientAsync(factory, student);
        var statements = await xapi.QueryAsync($"registration={attemptId}&limit=50");
        var verbs = statements.Select(s => (string)s["verb"]!["id"]!).ToList();
        verbs.Count(v => v.EndsWith("/answered", StringComparison.Ordinal)).ShouldBe(6);
        verbs.Count(v => v.EndsWith("/completed", StringComparison.Ordinal)).ShouldBe(1);
        verbs.Count(v => v.EndsWith("/attempted", StringComparison.Ordinal)).ShouldBe(1);
        verbs.Count(v => v.EndsWith("/scored", StringComparison.Ordinal)).ShouldBe(2);
        var single = statements.Single(s => ((string)s["verb"]!["id"]!).EndsWith("/answered", StringComparison.Ordinal) && (string?)s["result"]!["response"] == "B");
        ((bool)single["result"]!["success"]!).ShouldBeTrue();
        var completed = statements.Single(s => ((string)s["verb"]!["id"]!).EndsWith("/completed", StringComparison.Ordinal));
        ((double)completed["result"]!["score"]!["raw"]!).ShouldBe(7);
    }

    [Fact]
    public async Task No_one_but_the_student_their_parent_and_their_teacher_sees_an_attempt()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (_, otherTeacher) = await PersonAsync(factory, "Teacher", school, school.ClassB);
        var (student, studentClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var (_, classmate) = await PersonAsync(factory, "Student", school, school.ClassA);
        var (_, otherClass) = await PersonAsync(factory, "Student", school, school.ClassB);
        using var parent = await factory.ClientForAsync(await factory.CreateUserAsync("Parent", childIds: [student.Id]));
        var quizId = await QuizAsync(teacher, [await ItemAsync(teacher, Single())], [school.ClassA]);
        var attempt = await StartAsync(studentClient, quizId);
        var attemptId = attempt.GetProperty("id").GetGuid();
        var itemId = attempt.GetProperty("items")[0].GetProperty("quizItemId").GetGuid();

        (await classmate.GetAsync($"/api/v1/assessment/attempts/{attemptId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AnswerAsync(classmate, attemptId, itemId, "A")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SubmitAsync(classmate, attemptId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherTeacher.GetAsync($"/api/v1/assessment/attempts/{attemptId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parent.GetAsync($"/api/v1/assessment/attempts/{attemptId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.GetAsync($"/api/v1/assessment/attempts/{attemptId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A student of a class the quiz was not given to cannot start it; a classmate starts their own attempt.
        (await otherClass.PostAsync($"/api/v1/assessment/quizzes/{quizId}/attempts", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherClass.GetFromJsonAsync<JsonElement>("/api/v1/assessment/quizzes")).GetArrayLength().ShouldBe(0);
        (await StartAsync(classmate, quizId)).GetProperty("id").GetGuid().ShouldNotBe(attemptId);
        // Only the quiz's owner sees its statistics or marks.
        (await otherTeacher.GetAsync($"/api/v1/assessment/quizzes/{quizId}/statistics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_quizzes_and_late_submissions_are_refused()
    {
        var school = await SchoolAsync(factory);
        var other = await SchoolAsync(factory, "外校");
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (_, stranger) = await PersonAsync(factory, "Teacher", other, other.ClassA);
        var item = await ItemAsync(teacher, Single());
        var foreign = await ItemAsync(stranger, Single());
        object Body(Guid[] itemIds, Guid[] classIds, DateTime closes) => new { title = "测验", closesAt = closes, items = itemIds.Select(i => new { itemId = i }), classIds };

        await (await teacher.PostAsJsonAsync("/api/v1/assessment/quizzes", Body([item], [school.ClassB], DateTime.UtcNow.AddDays(1)))).ExpectAsync(HttpStatusCode.Forbidden);
        var foreignItem = await (await teacher.PostAsJsonAsync("/api/v1/assessment/quizzes", Body([item, foreign], [school.ClassA], DateTime.UtcNow.AddDays(1))))
            .ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(foreignItem, "items[1]").ShouldBe("第2题不在您可用的题库中");
        var past = await (await teacher.PostAsJsonAsync("/api/v1/assessment/quizzes", Body([], [school.ClassA], DateTime.UtcNow.AddDays(-1)))).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(past, "closesAt").ShouldBe("截止时间须晚于开放时间");
        FirstError(past, "items").ShouldBe("请选择1到100道试题");

        var (_, student) = await PersonAsync(factory, "Student", school, school.ClassA);
        var closes = DateTime.UtcNow.AddSeconds(10);
        var quizId = await QuizAsync(teacher, [item], [school.ClassA], closes: closes);
        var attempt = await StartAsync(student, quizId);
        var attemptId = attempt.GetProperty("id").GetGuid();
        await (await AnswerAsync(student, attemptId, attempt.GetProperty("items")[0].GetProperty("quizItemId").GetGuid(), "B")).ExpectAsync(HttpStatusCode.NoContent);
        await Task.Delay(closes - DateTime.UtcNow + TimeSpan.FromSeconds(0.5));
        var late = await (await SubmitAsync(student, attemptId)).ExpectAsync(HttpStatusCode.Conflict);
        late.GetProperty("errors").GetProperty("attempt")[0].GetString().ShouldBe("自测已截止，不能再作答或提交");
        await (await student.PostAsync($"/api/v1/assessment/quizzes/{quizId}/attempts", null)).ExpectAsync(HttpStatusCode.Conflict);
    }
}
