using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>Parents see their children's self-test attempts (and no other family's); authors edit a quiz until the first attempt.</summary>
public sealed class ChildAttemptsAndEditTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_parent_sees_each_childs_attempts_and_not_another_familys()
    {
        var school = await SchoolAsync(factory, "家长自测中学");
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (child, childClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var (other, otherClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var quizId = await QuizAsync(teacher, [await ItemAsync(teacher, Single(points: 2))], [school.ClassA]);
        var attempt = await StartAsync(childClient, quizId);
        var attemptId = attempt.GetProperty("id").GetGuid();
        await (await AnswerAsync(childClient, attemptId, attempt.GetProperty("items")[0].GetProperty("quizItemId").GetGuid(), "B")).ExpectAsync(HttpStatusCode.NoContent);
        await (await SubmitAsync(childClient, attemptId)).ExpectAsync(HttpStatusCode.OK);
        await StartAsync(otherClient, quizId);

        var parent = await factory.CreateUserAsync("Parent", childIds: [child.Id]);
        using var parentClient = await factory.ClientForAsync(parent);
        var children = await (await parentClient.GetAsync("/api/v1/assessment/children/attempts")).ExpectAsync(HttpStatusCode.OK);
        children.GetArrayLength().ShouldBe(1);
        var row = children[0].GetProperty("attempts").EnumerateArray().Single();
        row.GetProperty("quizTitle").GetString().ShouldBe("第一单元自测");
        row.GetProperty("score").GetDecimal().ShouldBe(2);
        row.GetProperty("statusName").GetString().ShouldBe("已批阅");
        (await parentClient.GetAsync($"/api/v1/assessment/attempts/{attemptId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another family's child: 404 by id, and their attempt is not readable.
        (await parentClient.GetAsync($"/api/v1/assessment/children/attempts?childId={other.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherParent = await factory.CreateUserAsync("Parent", childIds: [other.Id]);
        using var otherParentClient = await factory.ClientForAsync(otherParent);
        (await otherParentClient.GetAsync($"/api/v1/assessment/attempts/{attemptId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var theirs = await (await otherParentClient.GetAsync("/api/v1/assessment/children/attempts")).ExpectAsync(HttpStatusCode.OK);
        theirs[0].GetProperty("attempts").EnumerateArray().Single().GetProperty("statusName").GetString().ShouldBe("作答中");
        // Only parents use this view.
        (await childClient.GetAsync("/api/v1/assessment/children/attempts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var page = new BrowserSession(factory);
        (await page.SignInAsync(parent)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await page.Http.GetStringAsync("/assess/children");
        html.ShouldContain("data-testid=\"child-attempt\" data-status=\"Marked\"");
        html.ShouldContain("2 / 2");
        (await page.Http.GetStringAsync("/")).ShouldContain("href=\"/assess/children\"");
    }

    [Fact]
    public async Task The_author_edits_a_quiz_until_the_first_attempt_then_gets_409()
    {
        var school = await SchoolAsync(factory, "修改自测中学");
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (_, colleague) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (_, studentClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var first = await ItemAsync(teacher, Single(points: 2));
        var second = await ItemAsync(teacher, TrueFalse());
        var quizId = await QuizAsync(teacher, [first], [school.ClassA]);
        object Body(string title, int? limit, Guid[] items, DateTime? closes = null) => new
        {
            title, closesAt = closes ?? DateTime.UtcNow.AddDays(2), timeLimitMinutes = limit, attemptsAllowed = 2, showAnswers = false,
            items = items.Select(id => new { itemId = id, points = (int?)5 }).ToArray(), classIds = new[] { school.ClassA },
        };

        var edited = await (await teacher.PutAsJsonAsync($"/api/v1/assessment/quizzes/{quizId}", Body("第一单元自测（修订）", 30, [second, first]))).ExpectAsync(HttpStatusCode.OK);
        edited.GetProperty("title").GetString().ShouldBe("第一单元自测（修订）");
        edited.GetProperty("itemCount").GetInt32().ShouldBe(2);
        edited.GetProperty("maxScore").GetInt32().ShouldBe(10);
        edited.GetProperty("timeLimitMinutes").GetInt32().ShouldBe(30);

        var bad = await (await teacher.PutAsJsonAsync($"/api/v1/assessment/quizzes/{quizId}", Body("", 9999, [first], DateTime.UtcNow.AddDays(-1)))).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(bad, "title").ShouldContain("自测名称");
        FirstError(bad, "timeLimitMinutes").ShouldBe("限时须在1到600分钟之间");
        FirstError(bad, "closesAt").ShouldContain("截止时间");
        (await colleague.PutAsJsonAsync($"/api/v1/assessment/quizzes/{quizId}", Body("别人的", null, [first]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var attempt = await StartAsync(studentClient, quizId);
        attempt.GetProperty("items").GetArrayLength().ShouldBe(2);
        var refused = await (await teacher.PutAsJsonAsync($"/api/v1/assessment/quizzes/{quizId}", Body("再改", null, [first]))).ExpectAsync(HttpStatusCode.Conflict);
        FirstError(refused, "id").ShouldContain("已有学生开始作答");
        var listed = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/quizzes");
        listed.EnumerateArray().Single().GetProperty("quiz").GetProperty("title").GetString().ShouldBe("第一单元自测（修订）");
    }
}
