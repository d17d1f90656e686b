using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Monitoring;

/// <summary>Builds monitoring test data through the public API, as the school and its bureaus would.</summary>
internal static class MonitoringApi
{
    /// <summary>A complete, rule-abiding 2026 return for a school of 10 classes; override what a test is about.</summary>
    public static Dictionary<string, object?> Valid(double bandwidth = 100, int classes = 10, int multimedia = 8) => new()
    {
        ["connectionType"] = "fiber",
        ["exportBandwidthMbps"] = bandwidth,
        ["wirelessCoveragePercent"] = 100,
        ["teachingPoints"] = 0,
        ["classes"] = classes,
        ["classrooms"] = 12,
        ["multimediaClassrooms"] = multimedia,
        ["interactiveWhiteboards"] = 4,
        ["teachers"] = 20,
        ["students"] = 400,
        ["teacherTerminals"] = 20,
        ["studentTerminals"] = 40,
        ["itStaff"] = 1,
        ["hasCio"] = true,
        ["cioName"] = "王老师",
        ["teachersTrainedIt"] = 20,
        ["itSpendingYuan"] = 50000,
    };

    public static async Task<Guid> CreateSchoolAsync(HttpClient national, string county, string urbanRural, string name) =>
        (await national.CreatedAsync("/api/v1/schools", new
        {
            code = TestIds.NextSchoolCode("21", county[..2]),
            name,
            stages = new[] { "Primary" },
            urbanRural,
            regionCode = county,
            address = "测试路1号",
        })).GetProperty("id").GetGuid();

    public static async Task<JsonElement> StartAsync(HttpClient school, int year = 2026)
    {
        var response = await school.PostAsJsonAsync("/api/v1/monitoring/returns", new { year });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SaveAsync(HttpClient school, Guid id, object values, object? notes = null)
    {
        var response = await school.PutAsJsonAsync($"/api/v1/monitoring/returns/{id}", new { values, notes });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> StepAsync(HttpClient client, Guid id, string trigger, string? comment = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/monitoring/returns/{id}/{trigger}", new { comment });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> OkAsync(this Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static string Status(this JsonElement json) => json.GetProperty("status").GetString()!;

    public static async Task<JsonElement> DashboardAsync(HttpClient client, string indicator, string node)
    {
        var response = await client.GetAsync($"/api/v1/monitoring/dashboard?indicator={indicator}&node={node}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>Publishes another year's form as data (a copy of 2026's with the year changed): no code change needed.</summary>
    public static Task PublishFormAsync(EduCloudFactory factory, int year) => factory.AsPlatformAsync(async sp =>
    {
        var db = sp.GetRequiredService<MonitoringDbContext>();
        if (!await db.Forms.AnyAsync(f => f.Year == year))
        {
            var json = (await db.Forms.SingleAsync(f => f.Year == 2026)).Json.Replace("\"year\": 2026", $"\"year\": {year}", StringComparison.Ordinal);
            db.Forms.Add(new FormDefinition { Year = year, Title = $"{year}年度年报", Json = json, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        return 0;
    });
}

/// <summary>The people of one test: a national admin (to make schools), and the bureaus of 南明区 → 贵阳市 → 贵州省.</summary>
internal sealed class Chain
{
    public required HttpClient National { get; init; }
    public required HttpClient County { get; init; }
    public required HttpClient City { get; init; }
    public required HttpClient Province { get; init; }

    public static async Task<Chain> CreateAsync(EduCloudFactory factory, string county = "520102") => new()
    {
        National = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin")),
        County = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", county)),
        City = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", county[..4] + "00")),
        Province = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", county[..2] + "0000")),
    };

    public async Task<(Guid School, HttpClient Admin)> SchoolAsync(EduCloudFactory factory, string county, string urbanRural, string name)
    {
        var id = await MonitoringApi.CreateSchoolAsync(National, county, urbanRural, name);
        return (id, await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: id)));
    }

    /// <summary>Fills, submits and approves at county, city and province: the return counts in the indicators.</summary>
    public async Task<Guid> ApprovedAsync(HttpClient school, Dictionary<string, object?> values, int year = 2026, HttpClient? county = null)
    {
        var id = (await MonitoringApi.StartAsync(school, year)).Id();
        await MonitoringApi.SaveAsync(school, id, values).OkAsync();
        await MonitoringApi.StepAsync(school, id, "Submit").OkAsync();
        await MonitoringApi.StepAsync(county ?? County, id, "Approve").OkAsync();
        await MonitoringApi.StepAsync(City, id, "Approve").OkAsync();
        (await MonitoringApi.StepAsync(Province, id, "Approve").OkAsync()).Status().ShouldBe("Approved");
        return id;
    }
}
