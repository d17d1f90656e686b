using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Privacy;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>Schools with one class each, built through the real API, and student records inserted as the platform.</summary>
internal sealed class TransferWorld(EduCloudFactory factory)
{
    public sealed record SchoolPlace(Guid SchoolId, Guid GradeId, Guid ClassId, string County);

    public async Task<SchoolPlace> SchoolAsync(string county, int level = 3)
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var national = await factory.CreateUserAsync("NationalAdmin");
        using var client = await factory.ClientForAsync(national);
        var schoolId = await OrgApi.CreateSchoolAsync(client, county);
        var grade = await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level });
        var gradeId = grade.GetProperty("id").GetGuid();
        var cls = await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 });
        return new SchoolPlace(schoolId, gradeId, cls.GetProperty("id").GetGuid(), county);
    }

    /// <summary>A record as if admitted at the school, with its Admission change; returns its id and number.</summary>
    public Task<(Guid Id, string Number, string Name)> StudentAsync(SchoolPlace at, string? citizenId = null, string name = "张小明",
        EnrolmentStatus status = EnrolmentStatus.Enrolled, string? number = null) =>
        factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            var id = CitizenId.TryParse(citizenId ?? TestIds.NextCitizenId(), out _)!;
            var county = at.County;
            var now = DateTime.UtcNow;
            var record = new StudentRecord
            {
                StudentNumber = number ?? StudentNumber.Formal(id),
                Name = name,
                Sex = id.Sex,
                BirthDate = id.BirthDate,
                CitizenIdCipher = protector.Protect(id.Value),
                CitizenIdHash = protector.Hash(id.Value),
                CitizenIdMasked = id.Value[..6] + "********" + id.Value[14..],
                Status = status,
                Stage = Stage.Primary,
                GradeLevel = 3,
                GradeId = at.GradeId,
                EntryYear = 2024,
                UrbanRural = UrbanRural.Rural,
                CreatedAt = now,
                UpdatedAt = now,
                ProvinceCode = county[..2] + "0000",
                CityCode = county[..4] + "00",
                CountyCode = county,
                SchoolId = at.SchoolId,
                ClassId = at.ClassId,
            };
            db.Students.Add(record);
            db.StatusChanges.Add(new StatusChange
            {
                StudentId = record.Id,
                Kind = ChangeKind.Admission,
                ReasonCode = "11",
                EffectiveOn = new DateOnly(2024, 9, 1),
                ToStatus = status,
                ToSchoolId = at.SchoolId,
                ToClassId = at.ClassId,
                RecordedByName = "test",
                RecordedAt = now,
                ProvinceCode = record.ProvinceCode,
                CityCode = record.CityCode,
                CountyCode = record.CountyCode,
                SchoolId = record.SchoolId,
                ClassId = record.ClassId,
            });
            await db.SaveChangesAsync(CancellationToken.None);
            return (record.Id, record.StudentNumber, record.Name);
        });

    /// <summary>A J number (an older 学籍号 form), so the same person can hold a second record at another school.</summary>
    public static string OtherNumber() => "J" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<StudentRecord> RecordAsync(Guid id) => factory.AsPlatformAsync(sp =>
        sp.GetRequiredService<StudentsDbContext>().Students.AsNoTracking().SingleAsync(s => s.Id == id));

    public Task<int> DeniedLinesAsync(Guid userId) => factory.AsPlatformAsync(sp =>
        sp.GetRequiredService<AuditDbContext>().Entries.CountAsync(e => e.ActorId == userId && e.Outcome == AuditOutcome.Denied));

    public async Task<(TestUser User, HttpClient Client)> UserAsync(string role, string? region = null, Guid? schoolId = null)
    {
        var user = await factory.CreateUserAsync(role, regionCode: region, schoolId: schoolId);
        return (user, await factory.ClientForAsync(user));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
