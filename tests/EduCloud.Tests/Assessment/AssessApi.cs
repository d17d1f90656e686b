using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Assessment;

/// <summary>Builds item-bank and self-test data through the public API: a school with two classes, its teacher and students, items, quizzes.</summary>
internal static class AssessApi
{
    public sealed record School(Guid SchoolId, Guid ClassA, Guid ClassB);

    public static async Task<School> SchoolAsync(EduCloudFactory factory, string name = "自测测试中学")
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var schoolId = await OrgApi.CreateSchoolAsync(county, "520102", name: name);
        var gradeId = (await county.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 5 })).GetProperty("id").GetGuid();
        var a = (await county.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        var b = (await county.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 })).GetProperty("id").GetGuid();
        return new School(schoolId, a, b);
    }

    public static async Task<(TestUser User, HttpClient Client)> PersonAsync(EduCloudFactory factory, string role, School school, Guid classId)
    {
        var user = await factory.CreateUserAsync(role, schoolId: school.SchoolId, classId: classId);
        return (user, await factory.ClientForAsync(user));
    }

    public static object Single(string stem = "贵州省的省会是哪座城市？", int points = 2) => new
    {
        kind = "SingleChoice", stem, stageCode = "junior", subjectCode = "dili", difficulty = 2, points, knowledgePoints = new[] { "省会" },
        options = new[] { new { text = "遵义", correct = false }, new { text = "贵阳", correct = true }, new { text = "安顺", correct = false } },
    };

    public static object Multiple(int points = 3) => new
    {
        kind = "MultipleChoice", stem = "下列哪些是质数？", stageCode = "junior", subjectCode = "shuxue", difficulty = 3, points, knowledgePoints = new[] { "质数" },
        options = new[] { new { text = "2", correct = true }, new { text = "4", correct = false }, new { text = "5", correct = true }, new { text = "9", correct = false } },
    };

    public static object TrueFalse(bool isTrue = true) => new
    {
        kind = "TrueFalse", stem = "水在标准大气压下100℃沸腾。", stageCode = "junior", subjectCode = "wuli", points = 1,
        options = new[] { new { text = "正确", correct = isTrue } },
    };

    public static object Blanks(int points = 4) => new
    {
        kind = "FillBlank", stem = "中国的首都是____，英文缩写 CPU 的中文是____。", stageCode = "junior", subjectCode = "xinxi", points,
        blanks = new[] { new { answers = new[] { "北京", "北京市" } }, new { answers = new[] { "中央处理器" } } },
    };

    public static object Latin() => new
    {
        kind = "FillBlank", stem = "The capital letter of abc is ____.", stageCode = "junior", subjectCode = "yingyu", points = 2,
        blanks = new[] { new { answers = new[] { "ABC" } } },
    };

    public static object Short(int points = 5) => new
    {
        kind = "ShortAnswer", stem = "简述光合作用的意义。", stageCode = "junior", subjectCode = "shengwu", points, referenceAnswer = "把光能转化为化学能，释放氧气。",
    };

    public static async Task<Guid> ItemAsync(HttpClient teacher, object body) => (await teacher.CreatedAsync("/api/v1/assessment/items", body)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string FirstError(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    public static async Task<Guid> QuizAsync(HttpClient teacher, IEnumerable<Guid> itemIds, Guid[] classIds, DateTime? opens = null, DateTime? closes = null,
        int? timeLimitMinutes = null, int attemptsAllowed = 1, bool showAnswers = true)
    {
        var body = new
        {
            title = "第一单元自测", opensAt = opens ?? DateTime.UtcNow.AddMinutes(-5), closesAt = closes ?? DateTime.UtcNow.AddDays(1), timeLimitMinutes, attemptsAllowed, showAnswers,
            items = itemIds.Select(id => new { itemId = id, points = (int?)null }).ToArray(), classIds,
        };
        return (await teacher.CreatedAsync("/api/v1/assessment/quizzes", body)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> StartAsync(HttpClient student, Guid quizId) =>
        await (await student.PostAsync($"/api/v1/assessment/quizzes/{quizId}/attempts", null)).ExpectAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient student, Guid attemptId, Guid quizItemId, params string[] response) =>
        student.PutAsJsonAsync($"/api/v1/assessment/attempts/{attemptId}/answers/{quizItemId}", new { response });

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient student, Guid attemptId) => student.PostAsync($"/api/v1/assessment/attempts/{attemptId}/submit", null);
}
