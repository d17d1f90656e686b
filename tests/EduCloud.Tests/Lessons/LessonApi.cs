using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Resources;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Lessons;

/// <summary>Builds 一师一优课 test data through the public API: rounds, teachers with a teaching design, entries.</summary>
internal static class LessonApi
{
    public static async Task<Guid> RoundAsync(HttpClient admin, int year, object? extra = null)
    {
        var round = await admin.CreatedAsync("/api/v1/lessons/rounds", extra ?? new { year, name = $"{year}年度“一师一优课、一课一名师”活动" });
        return round.GetProperty("id").GetGuid();
    }

    public static async Task AdvanceAsync(HttpClient admin, Guid roundId, string phase)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/lessons/rounds/{roundId}/phase", new { phase });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> QuotaAsync(HttpClient client, Guid roundId, string region, int max) =>
        await client.PutAsJsonAsync($"/api/v1/lessons/rounds/{roundId}/quotas/{region}", new { maxRecommendations = max });

    /// <summary>A teacher of a class at a school of the county (a new one unless given), with their own teaching design at a lesson of the catalogue.</summary>
    public static async Task<Teacher> TeacherAsync(EduCloudFactory factory, string county, string lesson, Guid? classId = null)
    {
        if (classId is null)
        {
            using var countyClient = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", county));
            classId = (await TeacherApi.SchoolWithClassAsync(factory, countyClient, county)).ClassId;
        }
        var user = await factory.CreateUserAsync("Teacher", classId: classId);
        var client = await factory.ClientForAsync(user);
        var node = await ResourceApi.NodeAsync(client, "初中", "语文", "统编版", "七年级上册", lesson.StartsWith('5') ? "第二单元" : "第一单元", lesson);
        var upload = await ResourceApi.UploadedAsync(client, "design.pdf", ResourceApi.Pdf(lesson));
        var design = await ResourceApi.CreateAsync(client, ResourceApi.Version(upload, node, $"《{lesson[2..]}》教学设计"), submit: false);
        return new Teacher(client, user, classId.Value, design.GetProperty("id").GetGuid());
    }

    public static async Task<HttpResponseMessage> SubmitAsync(Teacher teacher, Guid roundId, Guid? design = null) =>
        await teacher.Client.PostAsJsonAsync("/api/v1/lessons/entries", new { roundId, title = "朗读中的春天", designResourceId = design ?? teacher.DesignId });

    public static async Task<Guid> SubmittedAsync(Teacher teacher, Guid roundId)
    {
        var response = await SubmitAsync(teacher, roundId);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    public static object Points(int design, int delivery, int effect, int tech) => new { points = new Dictionary<string, int> { ["教学设计"] = design, ["教学实施"] = delivery, ["教学效果"] = effect, ["技术应用"] = tech } };

    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid entryId, string trigger) => await client.PostAsync($"/api/v1/lessons/entries/{entryId}/{trigger}", null);

    public static async Task DecidedAsync(HttpClient client, Guid entryId, string trigger)
    {
        var response = await DecideAsync(client, entryId, trigger);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> StatusAsync(Teacher teacher, Guid entryId) =>
        (await teacher.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entryId).GetProperty("status").GetString()!;

    public static async Task<string> ConflictMessageAsync(HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, json.ToString());
        return json.GetProperty("errors").EnumerateObject().First().Value[0].GetString()!;
    }
}

internal sealed record Teacher(HttpClient Client, TestUser User, Guid ClassId, Guid DesignId);
