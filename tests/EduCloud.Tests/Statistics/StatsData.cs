using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Statistics;

/// <summary>Student records written through StudentsDbContext as the platform (the census keeps itself), and the real counts to compare with.</summary>
internal static class StatsData
{
    private static long _next = Random.Shared.NextInt64(100_000_000_000, 900_000_000_000);

    public static ScopeKey School(Guid id, string county) => new(RegionCode.ProvinceOf(county), RegionCode.CityOf(county), county, id, null);

    public static Task<List<Guid>> AddStudentsAsync(EduCloudFactory factory, ScopeKey school, int count, Stage stage = Stage.Primary, int grade = 1,
        Sex sex = Sex.Male, string ethnicity = "01", EnrolmentStatus status = EnrolmentStatus.Enrolled, bool leftBehind = false, bool migrant = false) =>
        factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var records = Enumerable.Range(0, count).Select(_ =>
            {
                var r = new StudentRecord
                {
                    StudentNumber = "J" + Interlocked.Increment(ref _next).ToString("D18"),
                    Name = "统计测试",
                    Sex = sex,
                    BirthDate = new DateOnly(2016, 3, 1),
                    EthnicityCode = ethnicity,
                    Status = status,
                    Stage = stage,
                    GradeLevel = grade,
                    EntryYear = 2025,
                    UrbanRural = UrbanRural.Rural,
                    LeftBehind = leftBehind,
                    Migrant = migrant,
                };
                r.PlaceAt(school);
                return r;
            }).ToList();
            db.Students.AddRange(records);
            await db.SaveChangesAsync();
            return records.Select(r => r.Id).ToList();
        });

    /// <summary>Changes one student through the DbContext, as the lifecycle handlers will.</summary>
    public static Task ChangeAsync(EduCloudFactory factory, Guid studentId, Action<StudentRecord> change) =>
        factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var record = await db.Students.SingleAsync(s => s.Id == studentId);
            change(record);
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>在籍 students counted straight from the records, by any scope column.</summary>
    public static Task<int> RealCountAsync(EduCloudFactory factory, Func<IQueryable<StudentRecord>, IQueryable<StudentRecord>> where) =>
        factory.AsPlatformAsync(async sp =>
        {
            var students = sp.GetRequiredService<StudentsDbContext>().Students.AsNoTracking()
                .Where(s => s.Status == EnrolmentStatus.Enrolled || s.Status == EnrolmentStatus.Suspended);
            return await where(students).CountAsync();
        });

    public static async Task<JsonElement> StatsAsync(this HttpClient client, string node, string by = "stage")
    {
        var response = await client.GetAsync($"/api/v1/stats/students?node={node}&by={by}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static int Total(this JsonElement stats) => stats.GetProperty("totals").GetProperty("students").GetInt32();

    public static int Row(this JsonElement stats, string label) =>
        stats.GetProperty("breakdown").EnumerateArray().Where(r => r.GetProperty("label").GetString() == label)
            .Select(r => r.GetProperty("figures").GetProperty("students").GetInt32()).SingleOrDefault();

    public static int Child(this JsonElement stats, string key) =>
        stats.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key)
            .GetProperty("figures").GetProperty("students").GetInt32();
}
