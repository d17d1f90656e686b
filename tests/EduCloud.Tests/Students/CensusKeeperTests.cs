using EduCloud.Kernel.Codes;
using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>
/// The per-school census must equal a GROUP BY over the student records after every kind of write: add, move between
/// cells, delete, concurrent increments, and a recount. Runs on SQLite and PostgreSQL (ADR 0007).
/// </summary>
public sealed class CensusKeeperTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly Guid SchoolA = Guid.CreateVersion7();
    private static readonly Guid SchoolB = Guid.CreateVersion7();

    [Fact]
    public async Task The_census_follows_adds_moves_and_deletes_exactly()
    {
        var ids = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var records = Enumerable.Range(0, 30).Select(i => Record(i % 3 == 0 ? SchoolB : SchoolA, i)).ToList();
            db.Students.AddRange(records);
            await db.SaveChangesAsync();
            return records.Select(r => r.Id).ToList();
        });
        await ShouldMatchRecordsAsync();

        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var some = await db.Students.Where(s => ids.Contains(s.Id)).OrderBy(s => s.StudentNumber).Take(10).ToListAsync();
            some[0].Status = EnrolmentStatus.Suspended;
            some[1].GradeLevel += 1;
            some[2].LeftBehind = !some[2].LeftBehind;
            some[3].PlaceAt(new ScopeKey("520000", "520100", "520103", SchoolB, null)); // moved to school B
            some[4].EthnicityCode = "06";
            db.Students.Remove(some[5]);
            await db.SaveChangesAsync();
            return 0;
        });
        await ShouldMatchRecordsAsync();

        var cells = await factory.AsPlatformAsync(async sp =>
            await sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([SchoolA, SchoolB], CancellationToken.None));
        cells.Sum(c => c.Students).ShouldBe(29);
        cells.Where(c => c.Status == CensusStatus.Suspended).Sum(c => c.Students).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_changes_to_one_cell_add_up_and_a_recount_agrees()
    {
        var school = Guid.CreateVersion7();
        // Eight writers each add five students to the same cell at once: atomic upserts must not lose any.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            db.Students.AddRange(Enumerable.Range(0, 5).Select(i => Record(school, 1000 + w * 10 + i, sameCell: true)));
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await db.SaveChangesAsync();
                }
                catch (DbUpdateException) when (attempt < 20)
                {
                    // SQLite allows one writer at a time: a busy database is retried, as a real client would.
                    await Task.Delay(50);
                }
            }
        })));
        var before = await CensusOfAsync(school);
        before.ShouldBe(40);

        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await CensusKeeper.RecountSchoolsAsync(db, [school], CancellationToken.None);
            await db.CommitAsync(tx, CancellationToken.None);
            return 0;
        });
        (await CensusOfAsync(school)).ShouldBe(40);
    }

    [Fact]
    public async Task Reading_every_cell_gives_the_same_cells_and_places_as_reading_the_school()
    {
        var school = Guid.CreateVersion7();
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            db.Students.AddRange(Enumerable.Range(0, 12).Select(i => Record(school, 7000 + i)));
            return await db.SaveChangesAsync();
        });

        var all = await factory.AsPlatformAsync(async sp =>
        {
            var list = new List<CensusCell>();
            await foreach (var cell in sp.GetRequiredService<IStudentCensus>().ReadAllAsync(CancellationToken.None))
            {
                list.Add(cell);
            }
            return list;
        });
        var bySchool = await factory.AsPlatformAsync(async sp =>
            await sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([school], CancellationToken.None));

        var mine = all.Where(c => c.SchoolId == school).ToList();
        mine.Sum(c => c.Students).ShouldBe(12);
        mine.ShouldAllBe(c => c.ProvinceCode == "520000" && c.CityCode == "520100" && c.CountyCode == "520102");
        mine.OrderBy(c => c.GradeLevel).ThenBy(c => c.Sex).ThenBy(c => c.EthnicityCode).Select(c => (c.GradeLevel, c.Sex, c.EthnicityCode, c.Students, c.LeftBehind))
            .ShouldBe(bySchool.OrderBy(c => c.GradeLevel).ThenBy(c => c.Sex).ThenBy(c => c.EthnicityCode)
                .Select(c => (c.GradeLevel, c.Sex, c.EthnicityCode, c.Students, c.LeftBehind)));
    }

    [Fact]
    public async Task A_commit_tells_the_feed_which_schools_changed()
    {
        var feed = factory.Services.GetRequiredService<ICensusChangeFeed>();
        var heard = new List<Guid>();
        void Listen(IReadOnlyCollection<Guid> schools)
        {
            lock (heard)
            {
                heard.AddRange(schools);
            }
        }
        feed.SchoolsChanged += Listen;
        try
        {
            var school = Guid.CreateVersion7();
            var version = feed.Version;
            await factory.AsPlatformAsync(async sp =>
            {
                var db = sp.GetRequiredService<StudentsDbContext>();
                db.Students.Add(Record(school, 5000));
                return await db.SaveChangesAsync();
            });
            feed.Version.ShouldBeGreaterThan(version);
            lock (heard)
            {
                heard.ShouldContain(school);
            }
        }
        finally
        {
            feed.SchoolsChanged -= Listen;
        }
    }

    private async Task<int> CensusOfAsync(Guid school) => await factory.AsPlatformAsync(async sp =>
        (await sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([school], CancellationToken.None)).Sum(c => c.Students));

    private Task ShouldMatchRecordsAsync() => factory.AsPlatformAsync(async sp =>
    {
        var db = sp.GetRequiredService<StudentsDbContext>();
        var schools = new[] { SchoolA, SchoolB };
        var truth = await db.Students.Where(s => schools.Contains(s.SchoolId!.Value))
            .GroupBy(s => new { s.SchoolId, s.Stage, s.GradeLevel, s.Sex, s.EthnicityCode, s.UrbanRural, s.Status })
            .Select(g => new { g.Key.SchoolId, g.Key.Stage, g.Key.GradeLevel, g.Key.Sex, g.Key.EthnicityCode, g.Key.UrbanRural, g.Key.Status, N = g.Count(), Left = g.Count(s => s.LeftBehind) })
            .ToListAsync();
        var census = await db.Census.Where(c => schools.Contains(c.SchoolId!.Value) && c.Students != 0).ToListAsync();
        census.Count.ShouldBe(truth.Count);
        foreach (var t in truth)
        {
            var c = census.Single(c => c.SchoolId == t.SchoolId && c.Stage == t.Stage && c.GradeLevel == t.GradeLevel && c.Sex == t.Sex
                && c.EthnicityCode == t.EthnicityCode && c.UrbanRural == t.UrbanRural && c.Status == t.Status);
            c.Students.ShouldBe(t.N);
            c.LeftBehind.ShouldBe(t.Left);
        }
        return 0;
    });

    private static StudentRecord Record(Guid school, int i, bool sameCell = false)
    {
        var id = TestIds.NextCitizenId();
        return new StudentRecord
        {
            StudentNumber = "G" + id,
            Name = "学生" + i,
            Sex = sameCell ? Sex.Male : i % 2 == 0 ? Sex.Male : Sex.Female,
            BirthDate = new DateOnly(2015, 9, 1),
            EthnicityCode = sameCell ? "01" : i % 5 == 0 ? "06" : "01",
            Status = EnrolmentStatus.Enrolled,
            Stage = Stage.Primary,
            GradeLevel = sameCell ? 1 : 1 + i % 6,
            EntryYear = 2026,
            UrbanRural = UrbanRural.Rural,
            LeftBehind = !sameCell && i % 4 == 0,
            ProvinceCode = "520000",
            CityCode = "520100",
            CountyCode = school == SchoolB ? "520103" : "520102",
            SchoolId = school,
        };
    }
}
