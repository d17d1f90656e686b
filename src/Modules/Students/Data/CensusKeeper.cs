using EduCloud.Kernel.Codes;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EduCloud.Students.Data;

/// <summary>
/// Keeps <see cref="SchoolCensus"/> equal to a GROUP BY over the student records, change by change. Deltas are taken
/// from the change tracker before the save and merged into each school's packed row after it, in the same
/// transaction, under the row's lock, so two concurrent changes to one school add up instead of overwriting each other.
/// </summary>
internal static class CensusKeeper
{
    internal readonly record struct Cell(Guid SchoolId, string ProvinceCode, string CityCode, string CountyCode, Stage Stage, int GradeLevel,
        Sex Sex, string EthnicityCode, UrbanRural UrbanRural, EnrolmentStatus Status);

    internal record struct Measures(int Students, int LeftBehind, int Migrant, int Disabled)
    {
        public static Measures Of(bool leftBehind, bool migrant, DisabilityKind disability, int sign) =>
            new(sign, leftBehind ? sign : 0, migrant ? sign : 0, disability != DisabilityKind.None ? sign : 0);

        public readonly bool IsZero => Students == 0 && LeftBehind == 0 && Migrant == 0 && Disabled == 0;

        public static Measures operator +(Measures a, Measures b) =>
            new(a.Students + b.Students, a.LeftBehind + b.LeftBehind, a.Migrant + b.Migrant, a.Disabled + b.Disabled);
    }

    /// <summary>What the pending changes do to the census; empty when no counted field changes.</summary>
    public static Dictionary<Cell, Measures> TakeDeltas(StudentsDbContext db)
    {
        var deltas = new Dictionary<Cell, Measures>();
        foreach (var entry in db.ChangeTracker.Entries<StudentRecord>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(deltas, Current(entry));
                    break;
                case EntityState.Deleted:
                    Add(deltas, Original(entry));
                    break;
                case EntityState.Modified:
                    Add(deltas, Original(entry));
                    Add(deltas, Current(entry));
                    break;
            }
        }
        foreach (var cell in deltas.Where(d => d.Value.IsZero).Select(d => d.Key).ToList())
        {
            deltas.Remove(cell);
        }
        return deltas;
    }

    /// <summary>
    /// Merges the deltas into each touched school's packed row: read the row under a lock, add, write it back. On
    /// PostgreSQL the row is locked (SELECT ... FOR UPDATE, after an INSERT ... ON CONFLICT DO NOTHING makes sure it
    /// exists), so a concurrent change to the same school waits and then reads the sum committed before it; on SQLite
    /// the transaction already holds the database's one write lock (the records were saved first). Schools are taken
    /// in id order so two transactions touching the same two schools (a transfer) cannot deadlock on them.
    /// </summary>
    public static async Task ApplyAsync(StudentsDbContext db, Dictionary<Cell, Measures> deltas, CancellationToken ct)
    {
        foreach (var school in deltas.GroupBy(d => d.Key.SchoolId).OrderBy(g => g.Key))
        {
            var first = school.First().Key;
            var cells = await LockAsync(db, school.Key, first.ProvinceCode, first.CityCode, first.CountyCode, ct);
            foreach (var (c, m) in school)
            {
                var key = KeyOf(c);
                cells[key] = cells.GetValueOrDefault(key) + m;
            }
            await WriteAsync(db, school.Key, cells, ct);
        }
    }

    /// <summary>
    /// Recounts whole schools from their student rows. For writers that bypass the change tracker (the bulk import)
    /// and for repair; run it inside the writer's transaction.
    /// </summary>
    public static async Task RecountSchoolsAsync(StudentsDbContext db, IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        var groups = await db.Students.IgnoreQueryFilters().Where(s => schoolIds.Contains(s.SchoolId!.Value))
            .GroupBy(s => new { s.SchoolId, s.ProvinceCode, s.CityCode, s.CountyCode, s.Stage, s.GradeLevel, s.Sex, s.EthnicityCode, s.UrbanRural, s.Status })
            .Select(g => new
            {
                g.Key,
                Students = g.Count(),
                LeftBehind = g.Count(s => s.LeftBehind),
                Migrant = g.Count(s => s.Migrant),
                Disabled = g.Count(s => s.Disability != DisabilityKind.None),
            })
            .ToListAsync(ct);
        var bySchool = groups.ToLookup(g => g.Key.SchoolId!.Value);
        foreach (var schoolId in schoolIds.Order())
        {
            var mine = bySchool[schoolId].ToList();
            if (mine.Count == 0)
            {
                await db.Database.ExecuteSqlRawAsync(Statements.For(db).Delete, [schoolId], ct);
                continue;
            }
            var place = mine[0].Key;
            var cells = await LockAsync(db, schoolId, place.ProvinceCode, place.CityCode, place.CountyCode, ct);
            cells.Clear();
            foreach (var g in mine)
            {
                var key = new CensusCells.Key(g.Key.Stage, g.Key.GradeLevel, g.Key.Sex, g.Key.EthnicityCode, g.Key.UrbanRural, g.Key.Status);
                cells[key] = cells.GetValueOrDefault(key) + new Measures(g.Students, g.LeftBehind, g.Migrant, g.Disabled);
            }
            await WriteAsync(db, schoolId, cells, ct);
        }
        db.MarkCensusChanged(schoolIds);
    }

    /// <summary>The school's current cells, its row created if missing and locked until the transaction ends.</summary>
    private static async Task<Dictionary<CensusCells.Key, Measures>> LockAsync(StudentsDbContext db, Guid schoolId, string province, string city,
        string county, CancellationToken ct)
    {
        var statements = Statements.For(db);
        await db.Database.ExecuteSqlRawAsync(statements.Insert, [schoolId, province, city, county, new[] { CensusCells.FormatVersion }], ct);
        var bytes = await db.Database.SqlQueryRaw<byte[]>(statements.Lock, schoolId).ToListAsync(ct);
        return CensusCells.Unpack(bytes.Single());
    }

    private static async Task WriteAsync(StudentsDbContext db, Guid schoolId, Dictionary<CensusCells.Key, Measures> cells, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(Statements.For(db).Update, [CensusCells.Pack(cells), cells.Values.Sum(m => m.Students), schoolId], ct);

    /// <summary>The keeper's SQL per provider. Table names are constants, not input; every value is a parameter.</summary>
    private sealed record Statements(string Insert, string Lock, string Update, string Delete)
    {
        private static readonly Statements Postgres = Make("students.stu_census_school", " FOR UPDATE");
        private static readonly Statements Sqlite = Make("stu_census_school", "");

        public static Statements For(StudentsDbContext db) => db.Database.IsNpgsql() ? Postgres : Sqlite;

        private static Statements Make(string table, string forUpdate) => new(
            $$"""
            INSERT INTO {{table}} ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Students", "Cells")
            VALUES ({0}, {1}, {2}, {3}, 0, {4})
            ON CONFLICT ("SchoolId") DO NOTHING
            """,
            $$"""SELECT "Cells" AS "Value" FROM {{table}} WHERE "SchoolId" = {0}{{forUpdate}}""",
            $$"""UPDATE {{table}} SET "Cells" = {0}, "Students" = {1} WHERE "SchoolId" = {2}""",
            $$"""DELETE FROM {{table}} WHERE "SchoolId" = {0}""");
    }

    private static CensusCells.Key KeyOf(Cell c) => new(c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, c.Status);

    private static void Add(Dictionary<Cell, Measures> deltas, (Cell? Cell, Measures Measures) item)
    {
        if (item.Cell is { } cell)
        {
            deltas[cell] = deltas.GetValueOrDefault(cell) + item.Measures;
        }
    }

    private static (Cell?, Measures) Current(EntityEntry<StudentRecord> e)
    {
        var s = e.Entity;
        return (s.SchoolId is { } school
                ? new Cell(school, s.ProvinceCode, s.CityCode, s.CountyCode, s.Stage, s.GradeLevel, s.Sex, s.EthnicityCode, s.UrbanRural, s.Status)
                : null,
            Measures.Of(s.LeftBehind, s.Migrant, s.Disability, +1));
    }

    private static (Cell?, Measures) Original(EntityEntry<StudentRecord> e)
    {
        T V<T>(string name) => (T)e.OriginalValues[name]!;
        var school = (Guid?)e.OriginalValues[nameof(StudentRecord.SchoolId)];
        return (school is { } id
                ? new Cell(id, V<string>(nameof(StudentRecord.ProvinceCode)), V<string>(nameof(StudentRecord.CityCode)), V<string>(nameof(StudentRecord.CountyCode)),
                    V<Stage>(nameof(StudentRecord.Stage)), V<int>(nameof(StudentRecord.GradeLevel)), V<Sex>(nameof(StudentRecord.Sex)),
                    V<string>(nameof(StudentRecord.EthnicityCode)), V<UrbanRural>(nameof(StudentRecord.UrbanRural)), V<EnrolmentStatus>(nameof(StudentRecord.Status)))
                : null,
            Measures.Of(V<bool>(nameof(StudentRecord.LeftBehind)), V<bool>(nameof(StudentRecord.Migrant)), V<DisabilityKind>(nameof(StudentRecord.Disability)), -1));
    }
}
