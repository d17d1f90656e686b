using System.Data.Common;
using EduCloud.Bench.Dataset;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Bench.Exam;

/// <summary>
/// Adds the exam's students to the demo province: <c>exam_0000</c>.. accounts (real PBKDF2 hash of one bench
/// password, no forced change) with a real Student role assignment in the demo teacher's first class, written with
/// the dataset loaders (the columns the migrations create). Cached: a marker says how many exist.
/// </summary>
internal static class ExamStudents
{
    public const string Password = "Bench-2026-exam";

    public sealed record TeacherClass(Guid ClassId, string Province, string City, string County, Guid SchoolId);

    public static string UserName(int i) => $"exam_{i:D4}";

    public static async Task<TeacherClass> EnsureAsync(DatasetSpec spec, int count)
    {
        var cls = await TeacherClassAsync(spec);
        var marker = Path.Combine(spec.DataDirectory, $"exam-students-{count}.complete");
        // A larger set already loaded serves a smaller run (the first N of the same names).
        if (Directory.EnumerateFiles(spec.DataDirectory, "exam-students-*.complete")
            .Any(f => int.TryParse(Path.GetFileNameWithoutExtension(f)["exam-students-".Length..], out var loaded) && loaded >= count))
        {
            return cls;
        }
        if (File.Exists(Path.Combine(spec.DataDirectory, "exam-students.partial")))
        {
            throw new InvalidOperationException("a previous student load stopped half-way: run with --regenerate");
        }
        await File.WriteAllTextAsync(Path.Combine(spec.DataDirectory, "exam-students.partial"), "");
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var school = new SchoolRow(cls.SchoolId, "", "", "", 0, 0, new County(cls.County, ""), "", false);
        var accounts = new List<object?[]>();
        var assignments = new List<object?[]>();
        for (var i = 0; i < count; i++)
        {
            var v = new object?[BulkTables.Accounts.Columns.Length];
            SyntheticRows.FillAccount(1_000_000 + i, school, hash, v);
            v[1] = UserName(i);
            v[2] = UserName(i).ToUpperInvariant();
            v[24] = cls.ClassId;
            accounts.Add(v);
            assignments.Add([Guid.CreateVersion7(), v[0], (int)Role.Student, null, null, DateTime.UtcNow, cls.Province, cls.City, cls.County, cls.SchoolId, cls.ClassId]);
        }
        if (spec.IsPostgres)
        {
            await using var load = new LoadPostgres(spec.ConnectionString);
            await load.BeginAsync([]);
            await load.InsertAsync(BulkTables.Accounts, accounts);
            await load.InsertAsync(BulkTables.Assignments, assignments);
            await load.FinishAsync();
        }
        else
        {
            await using var load = new LoadSqlite(spec.ConnectionString);
            await load.BeginAsync([]);
            await load.InsertAsync(BulkTables.Accounts, accounts);
            await load.InsertAsync(BulkTables.Assignments, assignments);
            await load.FinishAsync();
        }
        File.Delete(Path.Combine(spec.DataDirectory, "exam-students.partial"));
        await File.WriteAllTextAsync(marker, $"{count} students in class {cls.ClassId}\n");
        return cls;
    }

    /// <summary>The demo teacher's first class (the `teacher` account's Teacher assignment), with its place.</summary>
    private static async Task<TeacherClass> TeacherClassAsync(DatasetSpec spec)
    {
        await using DbConnection c = spec.IsPostgres ? new NpgsqlConnection(spec.ConnectionString) : new SqliteConnection(spec.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        var (accounts, roles) = spec.IsPostgres ? ("\"identity\".\"idn_account\"", "\"identity\".\"idn_role_assignment\"") : ("idn_account", "idn_role_assignment");
        cmd.CommandText = $"SELECT r.\"ClassId\", r.\"ProvinceCode\", r.\"CityCode\", r.\"CountyCode\", r.\"SchoolId\" FROM {roles} r JOIN {accounts} a ON a.\"Id\" = r.\"AccountId\" " +
            $"WHERE a.\"UserName\" = 'teacher' AND r.\"Role\" = {(int)Role.Teacher} AND r.\"ClassId\" IS NOT NULL ORDER BY r.\"CreatedAt\", r.\"Id\" LIMIT 1";
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync())
        {
            throw new InvalidOperationException("the demo teacher has no class");
        }
        return new TeacherClass(Guid.Parse(r.GetValue(0).ToString()!), r.GetString(1), r.GetString(2), r.GetString(3), Guid.Parse(r.GetValue(4).ToString()!));
    }
}
