using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Assessment;

/// <summary>The demo self-test on the light pages: the teacher's bank and item form, the student's one-page attempt, the score, the teacher's statistics.</summary>
public sealed partial class AssessmentPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_demo_student_takes_the_demo_quiz_on_the_pages_and_the_teacher_sees_it()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using var student = new BrowserSession(factory);
        (await student.SignInAsync(new TestUser(Guid.Empty, "student", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await student.Http.GetStringAsync("/")).ShouldContain("href=\"/assess/quizzes\"");
        var list = await student.Http.GetStringAsync("/assess/quizzes");
        list.ShouldContain("综合自测（一）");
        var quizId = QuizLink().Match(list).Groups[1].Value;

        var start = await student.Http.PostAsync("/assess/actions/start", Form(await TokenAsync(student, $"/assess/quizzes/{quizId}/attempt"), [new("quizId", quizId)]));
        start.Headers.Location!.ToString().ShouldBe($"/assess/quizzes/{quizId}/attempt");
        var page = await student.Http.GetStringAsync($"/assess/quizzes/{quizId}/attempt");
        var ids = QuestionName().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToList();
        ids.Count.ShouldBe(5);
        var attemptId = AttemptInput().Match(page).Groups[1].Value;
        var token = BrowserSession.AntiforgeryToken(page);
        KeyValuePair<string, string> Q(int n, string value) => new("q:" + ids[n], value);

        // Save first (answers survive a reload), then submit.
        var save = await student.Http.PostAsync("/assess/actions/answers", Form(token,
            [new("attemptId", attemptId), new("quizId", quizId), Q(0, "B"), Q(1, "A"), Q(1, "C"), Q(2, "T"), Q(3, "啼鸟"), Q(3, "孟浩然"), Q(4, "阳光和水"), new("do", "save")]));
        save.Headers.Location!.ToString().ShouldBe($"/assess/quizzes/{quizId}/attempt?saved=1");
        var reloaded = await student.Http.GetStringAsync($"/assess/quizzes/{quizId}/attempt?saved=1");
        reloaded.ShouldContain("value=\"孟浩然\"");
        reloaded.ShouldContain("阳光和水</textarea>");
        var submit = await student.Http.PostAsync("/assess/actions/answers", Form(token,
            [new("attemptId", attemptId), new("quizId", quizId), Q(0, "B"), Q(1, "A"), Q(1, "C"), Q(2, "T"), Q(3, "啼鸟"), Q(3, "孟浩然"), Q(4, "阳光和水"), new("do", "submit")]));
        submit.Headers.Location!.ToString().ShouldBe($"/assess/attempts/{attemptId}");
        var result = await student.Http.GetStringAsync($"/assess/attempts/{attemptId}");
        result.ShouldContain("<strong>10</strong> / 15");
        result.ShouldContain("简答题待批阅");
        result.ShouldContain("孟浩然");
        (await student.Http.GetStringAsync("/assess/quizzes")).ShouldContain("data-testid=\"past-attempt\"");
        (await student.Http.GetAsync($"/assess/quizzes/{quizId}/stats")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await student.Http.GetStringAsync($"/assess/quizzes/{quizId}/stats")).ShouldContain("未找到该自测");

        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.Http.GetStringAsync("/assess/items")).ShouldContain("贵州省的省会是哪座城市？");
        (await teacher.Http.GetStringAsync("/assess/items?kind=FillBlank")).ShouldNotContain("贵州省的省会是哪座城市？");
        var stats = await teacher.Http.GetStringAsync($"/assess/quizzes/{quizId}/stats");
        stats.ShouldContain("data-testid=\"item-stats\"");
        stats.ShouldContain("B:1");
        var bad = await teacher.SubmitAsync("/assess/items/new", "item", new Dictionary<string, string>
        {
            ["Form.Kind"] = "SingleChoice", ["Form.Stem"] = "选一个", ["Form.Options"] = "甲\n乙", ["Form.Correct"] = "AB", ["Form.Stage"] = "primary", ["Form.Subject"] = "shuxue",
        });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("单选题须有且只有一个正确选项");
        var good = await teacher.SubmitAsync("/assess/items/new", "item", new Dictionary<string, string>
        {
            ["Form.Kind"] = "FillBlank", ["Form.Stem"] = "一加一等于____", ["Form.Blanks"] = "2 | 二", ["Form.Stage"] = "primary", ["Form.Subject"] = "shuxue", ["Form.Points"] = "2",
        });
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.Http.GetStringAsync("/assess/items?kind=FillBlank")).ShouldContain("一加一等于____");
    }

    private static async Task<string> TokenAsync(BrowserSession session, string url) => BrowserSession.AntiforgeryToken(await session.Http.GetStringAsync(url));

    private static FormUrlEncodedContent Form(string token, List<KeyValuePair<string, string>> fields) =>
        new([new("__RequestVerificationToken", token), .. fields]);

    [GeneratedRegex("href=\"/assess/quizzes/([0-9a-f-]{36})/attempt\"")]
    private static partial Regex QuizLink();

    [GeneratedRegex("name=\"q:([0-9a-f-]{36})\"")]
    private static partial Regex QuestionName();

    [GeneratedRegex("name=\"attemptId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex AttemptInput();
}
