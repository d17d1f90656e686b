using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

/// <summary>Builds organisation test data through the public API, as an administrator would.</summary>
internal static class OrgApi
{
    public static async Task<JsonElement> CreatedAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<Guid> CreateSchoolAsync(HttpClient client, string region = "520102", string stages = "Primary", string name = "测试小学") =>
        (await client.CreatedAsync("/api/v1/schools", new
        {
            code = TestIds.NextSchoolCode(stages == "Junior" ? "31" : "21"),
            name,
            stages = stages.Split(','),
            urbanRural = "Rural",
            regionCode = region,
            address = "测试路1号",
        })).GetProperty("id").GetGuid();

    /// <summary>Makes sure the given academic year exists (a national administrator's job), returning its id.</summary>
    public static async Task<Guid> EnsureYearAsync(EduCloudFactory factory, int startYear)
    {
        var admin = await factory.CreateUserAsync("NationalAdmin");
        using var client = await factory.ClientForAsync(admin);
        var response = await client.PostAsJsonAsync("/api/v1/academic-years", new { startYear });
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var years = await client.GetFromJsonAsync<JsonElement>("/api/v1/academic-years");
        return years.EnumerateArray().First(y => y.GetProperty("startYear").GetInt32() == startYear).GetProperty("id").GetGuid();
    }

    public static string[] Errors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
