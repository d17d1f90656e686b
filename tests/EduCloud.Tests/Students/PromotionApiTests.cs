using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EduCloud.Tests.Students;

public sealed class PromotionApiTests(EduCloudFactory factory, ITestOutputHelper output) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_whole_school_moves_up_the_top_grade_graduates_and_repeaters_stay()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var a = await w.AdmitAsync(w.Classes[(1, 1)], "甲");
        var b = await w.AdmitAsync(w.Classes[(1, 1)], "乙");
        var s = await w.AdmitAsync(w.Classes[(1, 1)], "丙");
        var d = await w.AdmitAsync(w.Classes[(6, 1)], "丁");
        await StudentsWorld.OkAsync(await w.ChangeAsync(s.Id, new { kind = "Suspension", reasonCode = "62", effectiveOn = "2026-10-01", version = s.Version }));

        // A repeater from another school poisons the whole batch: refused, nothing changed.
        var other = await StudentsWorld.CreateAsync(factory);
        var stranger = await other.AdmitAsync(other.Classes[(1, 1)]);
        var refused = await w.School.PostAsJsonAsync("/api/v1/students/promotion", new { schoolId = w.SchoolId, repeaterIds = new[] { b.Id, stranger.Id } });
        (await StudentsWorld.OkAsync(refused, HttpStatusCode.BadRequest)).Errors("repeaterIds").Length.ShouldBe(1);
        (await w.GetAsync(a.Id)).GetProperty("classId").GetGuid().ShouldBe(w.Classes[(1, 1)]);
        (await w.GetAsync(d.Id)).GetProperty("status").GetString().ShouldBe("Enrolled");
        (await w.GetAsync(a.Id)).GetProperty("history").GetArrayLength().ShouldBe(1);

        // Out of scope: another county's administrator cannot promote this school.
        var otherCounty = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520103"));
        (await otherCounty.PostAsJsonAsync("/api/v1/students/promotion", new { schoolId = w.SchoolId })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var result = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync("/api/v1/students/promotion", new { schoolId = w.SchoolId, repeaterIds = new[] { b.Id } }));
        result.GetProperty("promoted").GetInt32().ShouldBe(1);
        result.GetProperty("repeated").GetInt32().ShouldBe(1);
        result.GetProperty("graduated").GetInt32().ShouldBe(1);
        result.GetProperty("toYear").GetInt32().ShouldBe(2027);
        await w.AssertCensusExactAsync();

        var promoted = await w.GetAsync(a.Id);
        promoted.GetProperty("gradeLevel").GetInt32().ShouldBe(2);
        promoted.GetProperty("className").GetString().ShouldBe("二年级1班");
        promoted.GetProperty("history")[1].GetProperty("kind").GetString().ShouldBe("Promotion");
        var repeater = await w.GetAsync(b.Id);
        repeater.GetProperty("gradeLevel").GetInt32().ShouldBe(1);
        repeater.GetProperty("classId").GetGuid().ShouldNotBe(w.Classes[(1, 1)]);
        (await w.GetAsync(d.Id)).GetProperty("status").GetString().ShouldBe("Graduated");
        var suspended = await w.GetAsync(s.Id);
        suspended.GetProperty("classId").GetGuid().ShouldBe(w.Classes[(1, 1)]);

        // The promotion of one student is undone by cancelling it: back to last year's class.
        var undone = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync($"/api/v1/students/{a.Id}/cancel-change",
            new { changeId = promoted.GetProperty("history")[1].GetProperty("id").GetGuid(), reasonCode = "01", version = promoted.GetProperty("version").GetInt32() }));
        undone.GetProperty("status").GetString().ShouldBe("Enrolled");
        (await w.GetAsync(a.Id)).GetProperty("classId").GetGuid().ShouldBe(w.Classes[(1, 1)]);
        await w.AssertCensusExactAsync();
    }

    [Fact]
    public async Task Promoting_a_school_of_3000_students_is_one_bulk_transaction()
    {
        var classes = Enumerable.Range(1, 6).SelectMany(level => Enumerable.Range(1, 2).Select(n => (level, n))).ToArray();
        var w = await StudentsWorld.CreateAsync(factory, "520102", classes);
        var seeded = Stopwatch.StartNew();
        await factory.AsPlatformAsync(async sp =>
        {
            var directory = sp.GetRequiredService<EduCloud.Organization.Contracts.IOrganizationDirectory>();
            var placements = await directory.FindPlacementsAsync(w.Classes.Values.ToList(), CancellationToken.None);
            var db = sp.GetRequiredService<StudentsDbContext>();
            var now = DateTime.UtcNow;
            for (var i = 0; i < 3000; i++)
            {
                var p = placements[w.Classes[classes[i % classes.Length]]];
                var id = CitizenId.TryParse(TestIds.NextCitizenId(birth: $"{2020 - p.Level}0901"), out _)!;
                var record = new StudentRecord
                {
                    StudentNumber = "L520102" + id.BirthDate.ToString("yyyyMMdd") + (i + 1).ToString("D4"),
                    Name = "学生" + i, Sex = id.Sex, BirthDate = id.BirthDate, EthnicityCode = i % 5 == 0 ? "06" : "01", Status = EnrolmentStatus.Enrolled,
                    Stage = p.Stage, GradeLevel = p.Level, GradeId = p.GradeId, EntryYear = p.EntryYear, UrbanRural = p.UrbanRural, CreatedAt = now, UpdatedAt = now,
                };
                record.PlaceAt(p.Key);
                db.Students.Add(record);
            }
            return await db.SaveChangesAsync();
        });
        output.WriteLine($"seeded 3000 students in {seeded.ElapsedMilliseconds} ms");
        await w.AssertCensusExactAsync();

        var clock = Stopwatch.StartNew();
        var result = await StudentsWorld.OkAsync(await w.School.PostAsJsonAsync("/api/v1/students/promotion", new { schoolId = w.SchoolId }));
        clock.Stop();
        output.WriteLine($"promotion of 3000 students ({(EduCloudFactory.OnPostgres ? "PostgreSQL" : "SQLite")}): {clock.ElapsedMilliseconds} ms over HTTP, " +
            $"{result.GetProperty("elapsedMs").GetInt64()} ms in the handler");
        result.GetProperty("promoted").GetInt32().ShouldBe(2500);
        result.GetProperty("graduated").GetInt32().ShouldBe(500);
        await w.AssertCensusExactAsync();
        var changes = await factory.AsPlatformAsync(async sp =>
            await sp.GetRequiredService<StudentsDbContext>().StatusChanges.CountAsync(c => c.BatchId == result.GetProperty("batchId").GetGuid()));
        changes.ShouldBe(3000);
    }
}
