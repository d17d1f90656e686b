using EduCloud.Kernel.Codes;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EduCloud.Students.Data;

/// <summary>
/// Keeps <see cref="SchoolCensus"/> equal to a GROUP BY over the student records, change by change. Deltas are taken
/// from the change tracker before the save and applied after it, in the same transaction, as atomic upserts
/// (INSERT ... ON CONFLICT DO UPDATE, which SQLite and PostgreSQL both speak), so two concurrent changes to one cell
/// add up instead of overwriting each other.
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

    public static async Task ApplyAsync(StudentsDbContext db, Dictionary<Cell, Measures> deltas, CancellationToken ct)
    {
        var table = db.Database.IsNpgsql() ? "students.stu_school_census" : "stu_school_census";
        var sql = $$"""
            INSERT INTO {{table}} ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                                 "Students", "LeftBehind", "Migrant", "Disabled")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13})
            ON CONFLICT ("SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status") DO UPDATE SET
                "Students" = {{table}}."Students" + excluded."Students",
                "LeftBehind" = {{table}}."LeftBehind" + excluded."LeftBehind",
                "Migrant" = {{table}}."Migrant" + excluded."Migrant",
                "Disabled" = {{table}}."Disabled" + excluded."Disabled"
            """;
        foreach (var (c, m) in deltas)
        {
            await db.Database.ExecuteSqlRawAsync(sql, [c.SchoolId, c.ProvinceCode, c.CityCode, c.CountyCode, (int)c.Stage, c.GradeLevel, (int)c.Sex,
                c.EthnicityCode, (int)c.UrbanRural, (int)c.Status, m.Students, m.LeftBehind, m.Migrant, m.Disabled], ct);
        }
    }

    /// <summary>
    /// Recounts whole schools from their student rows. For writers that bypass the change tracker (the bulk import)
    /// and for repair; run it inside the writer's transaction.
    /// </summary>
    public static async Task RecountSchoolsAsync(StudentsDbContext db, IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        await db.Census.IgnoreQueryFilters().Where(c => schoolIds.Contains(c.SchoolId!.Value)).ExecuteDeleteAsync(ct);
        var census = db.Database.IsNpgsql() ? "students.stu_school_census" : "stu_school_census";
        var students = db.Database.IsNpgsql() ? "students.stu_student" : "stu_student";
        // Table names are constants chosen above, not input; the school id is a parameter.
        var sql = $$"""
                INSERT INTO {{census}} ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                                      "Students", "LeftBehind", "Migrant", "Disabled")
                SELECT "SchoolId", MIN("ProvinceCode"), MIN("CityCode"), MIN("CountyCode"), "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                       COUNT(*), SUM(CASE WHEN "LeftBehind" THEN 1 ELSE 0 END), SUM(CASE WHEN "Migrant" THEN 1 ELSE 0 END), SUM(CASE WHEN "Disability" <> 0 THEN 1 ELSE 0 END)
                FROM {{students}} WHERE "SchoolId" = {0}
                GROUP BY "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status"
                """;
        foreach (var schoolId in schoolIds)
        {
            await db.Database.ExecuteSqlRawAsync(sql, [schoolId], ct);
        }
        db.MarkCensusChanged(schoolIds);
    }

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
