using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>A primary school in 南明区 for the 2026 year (2027 opened too), its administrator, and helpers over the real API.</summary>
internal sealed class StudentsWorld
{
    public required EduCloudFactory Factory { get; init; }
    public required Guid SchoolId { get; init; }
    public required HttpClient County { get; init; }
    public required HttpClient School { get; init; }
    public required TestUser SchoolAdmin { get; init; }
    /// <summary>Class id by (level, number) in 2026.</summary>
    public required Dictionary<(int Level, int Number), Guid> Classes { get; init; }

    public static async Task<StudentsWorld> CreateAsync(EduCloudFactory factory, string county = "520102", params (int Level, int Number)[] classes)
    {
        var year = await OrgApi.EnsureYearAsync(factory, 2026);
        await OrgApi.EnsureYearAsync(factory, 2027);
        var countyAdmin = await factory.CreateUserAsync("CountyAdmin", regionCode: county);
        var countyClient = await factory.ClientForAsync(countyAdmin);
        var schoolId = await OrgApi.CreateSchoolAsync(countyClient, county);
        var schoolAdmin = await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId);
        var schoolClient = await factory.ClientForAsync(schoolAdmin);
        var ids = new Dictionary<(int, int), Guid>();
        foreach (var level in (classes.Length == 0 ? [(1, 1), (6, 1)] : classes).GroupBy(c => c.Level))
        {
            var gradeId = (await schoolClient.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = year, stage = "Primary", level = level.Key }))
                .GetProperty("id").GetGuid();
            foreach (var (_, number) in level)
            {
                ids[(level.Key, number)] = (await schoolClient.CreatedAsync("/api/v1/classes", new { gradeId, number })).GetProperty("id").GetGuid();
            }
        }
        return new StudentsWorld { Factory = factory, SchoolId = schoolId, County = countyClient, School = schoolClient, SchoolAdmin = schoolAdmin, Classes = ids };
    }

    public async Task<(Guid Id, int Version)> AdmitAsync(Guid classId, string? name = null, HttpClient? client = null)
    {
        var json = await (client ?? School).CreatedAsync("/api/v1/students", new
        {
            name = name ?? "学生" + Random.Shared.Next(1000, 9999),
            citizenId = TestIds.NextCitizenId(birth: "20180901"),
            ethnicity = "苗族",
            classId,
            consentGuardianName = "张父",
            effectiveOn = "2026-09-01",
            guardians = new[] { new { name = "张父", relation = "父亲", phone = "13800001234" } },
        });
        return (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
    }

    public async Task<JsonElement> GetAsync(Guid id, HttpClient? client = null) =>
        await (client ?? School).GetFromJsonAsync<JsonElement>($"/api/v1/students/{id}");

    public async Task<HttpResponseMessage> ChangeAsync(Guid id, object body, HttpClient? client = null) =>
        await (client ?? School).PostAsJsonAsync($"/api/v1/students/{id}/changes", body);

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(status, json.ToString());
        return json;
    }

    /// <summary>The census cells of the school, and a GROUP BY over the records themselves: they must agree.</summary>
    public async Task AssertCensusExactAsync()
    {
        var (census, real) = await Factory.AsPlatformAsync(async sp =>
        {
            var cells = await sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([SchoolId], CancellationToken.None);
            var db = sp.GetRequiredService<StudentsDbContext>();
            var rows = await db.Students.Where(s => s.SchoolId == SchoolId).Select(s => new { s.GradeLevel, s.Status, s.Sex, s.EthnicityCode }).ToListAsync();
            return (cells.Where(c => c.Students != 0).GroupBy(c => $"{c.GradeLevel}/{(int)c.Status}/{c.Sex}/{c.EthnicityCode}").ToDictionary(g => g.Key, g => g.Sum(c => c.Students)),
                rows.GroupBy(r => $"{r.GradeLevel}/{(int)r.Status}/{r.Sex}/{r.EthnicityCode}").ToDictionary(g => g.Key, g => g.Count()));
        });
        census.OrderBy(c => c.Key).ShouldBe(real.OrderBy(c => c.Key));
        await CensusRecount.AssertKeptEqualsRecountAsync(Factory, SchoolId);
    }
}
