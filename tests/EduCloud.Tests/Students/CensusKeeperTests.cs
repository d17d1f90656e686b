using EduCloud.Kernel.Codes;
using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
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
        await CensusRecount.AssertKeptEqualsRecountAsync(factory, school);

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

    [Fact]
    public async Task Crossing_moves_between_two_schools_at_once_lose_nothing()
    {
        // Writers move students A -> B and B -> A at the same time: each locks both schools' census rows, in id order,
        // so neither deadlocks nor overwrites the other's counts.
        Guid a = Guid.CreateVersion7(), b = Guid.CreateVersion7();
        var ids = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var records = Enumerable.Range(0, 16).Select(i => Record(i % 2 == 0 ? a : b, 9000 + i)).ToList();
            db.Students.AddRange(records);
            await db.SaveChangesAsync();
            return records.Select(r => (r.Id, r.SchoolId!.Value)).ToList();
        });
        await Task.WhenAll(ids.Select(x => factory.AsPlatformAsync(async sp =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var db = sp.GetRequiredService<StudentsDbContext>();
                db.ChangeTracker.Clear();
                var record = await db.Students.SingleAsync(s => s.Id == x.Id);
                record.PlaceAt(new ScopeKey("520000", "520100", "520102", x.Value == a ? b : a, null));
                try
                {
                    return await db.SaveChangesAsync();
                }
                catch (DbUpdateException) when (attempt < 40)
                {
                    // SQLite allows one writer at a time: a busy database is retried, as a real client would.
                    await Task.Delay(50);
                }
            }
        })));
        (await CensusOfAsync(a)).ShouldBe(8);
        (await CensusOfAsync(b)).ShouldBe(8);
        await CensusRecount.AssertKeptEqualsRecountAsync(factory, a, b);
    }

    [Fact]
    public void The_packed_cells_read_back_as_written()
    {
        var cells = new Dictionary<CensusCells.Key, CensusKeeper.Measures>
        {
            [new(Stage.Primary, 6, Sex.Female, "01", UrbanRural.Urban, EnrolmentStatus.Enrolled)] = new(1234567, 3, 2, 1),
            [new(Stage.Special, 12, Sex.NotStated, "97", UrbanRural.Rural, EnrolmentStatus.Graduated)] = new(1, 0, 0, 0),
            [new(Stage.Senior, 1, Sex.Unknown, "", UrbanRural.Town, EnrolmentStatus.Suspended)] = new(2, 1, 1, 1),
            [new(Stage.Junior, 2, Sex.Male, "02", UrbanRural.Town, EnrolmentStatus.Withdrawn)] = new(0, 0, 0, 0), // dropped
        };
        var bytes = CensusCells.Pack(cells);
        bytes.Length.ShouldBe(1 + 3 * CensusCells.EntrySize);
        CensusCells.Unpack(bytes).OrderBy(c => c.Key.Stage).ShouldBe(cells.Where(c => !c.Value.IsZero).OrderBy(c => c.Key.Stage));
        var read = CensusCells.Read(bytes);
        read.Select(c => (c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, c.Status, c.Students, c.LeftBehind)).ShouldBe(
        [
            (Stage.Primary, 6, Sex.Female, "01", UrbanRural.Urban, CensusStatus.Enrolled, 1234567, 3),
            (Stage.Senior, 1, Sex.Unknown, "", UrbanRural.Town, CensusStatus.Suspended, 2, 1),
            (Stage.Special, 12, Sex.NotStated, "97", UrbanRural.Rural, CensusStatus.Graduated, 1, 0),
        ]);
        Should.Throw<InvalidDataException>(() => CensusCells.Read([2, .. bytes[1..]]));
    }

    [Fact]
    public async Task The_migration_packs_old_cells_into_the_bytes_the_census_reads()
    {
        // The PackedCensus migration's own SQL, run on a recreated per-cell table inside a transaction that is rolled back.
        var school = Guid.CreateVersion7();
        var cells = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var postgres = db.Database.IsNpgsql();
            Migration migration = postgres ? new EduCloud.Students.Data.Migrations.Postgres.PackedCensus() : new EduCloud.Students.Data.Migrations.Sqlite.PackedCensus();
            var pack = migration.UpOperations.OfType<SqlOperation>().Single().Sql;
            var old = postgres ? "students.stu_school_census" : "stu_school_census";
            var id = postgres ? "{0}" : "upper({0})";
            await using var tx = await db.Database.BeginTransactionAsync();
            var create = $"""
                CREATE TABLE {old} ("SchoolId" {(postgres ? "uuid" : "TEXT")}, "ProvinceCode" text, "CityCode" text, "CountyCode" text, "Stage" int, "GradeLevel" int,
                    "Sex" int, "EthnicityCode" text, "UrbanRural" int, "Status" int, "Students" int, "LeftBehind" int, "Migrant" int, "Disabled" int)
                """;
            await db.Database.ExecuteSqlRawAsync(create);
            var insert = $$"""INSERT INTO {{old}} VALUES ({{id}}, '520000', '520100', '520102', {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10})""";
            await db.Database.ExecuteSqlRawAsync(insert, postgres ? school : school.ToString(), 2, 6, 2, "01", 3, 1, 1234567, 3, 2, 1);
            await db.Database.ExecuteSqlRawAsync(insert, postgres ? school : school.ToString(), 7, 12, 9, "97", 1, 4, 1, 0, 0, 0);
            await db.Database.ExecuteSqlRawAsync(insert, postgres ? school : school.ToString(), 4, 1, 0, "", 2, 2, 0, 0, 0, 0); // empty: left out
            await db.Database.ExecuteSqlRawAsync(pack);
            var read = await sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([school], CancellationToken.None);
            await tx.RollbackAsync();
            return read;
        });
        cells.Select(c => (c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, c.Status, c.Students, c.LeftBehind, c.Migrant, c.Disabled, c.CountyCode))
            .OrderBy(c => c.Stage).ShouldBe(
            [
                (Stage.Primary, 6, Sex.Female, "01", UrbanRural.Rural, CensusStatus.Enrolled, 1234567, 3, 2, 1, "520102"),
                (Stage.Special, 12, Sex.NotStated, "97", UrbanRural.Urban, CensusStatus.Graduated, 1, 0, 0, 0, "520102"),
            ]);
    }

    private async Task<int> CensusOfAsync(Guid school) => await factory.AsPlatformAsync(async sp =>
        (await sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([school], CancellationToken.None)).Sum(c => c.Students));

    private Task ShouldMatchRecordsAsync() => CensusRecount.AssertKeptEqualsRecountAsync(factory, SchoolA, SchoolB);

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
