using System.Data.Common;
using System.Diagnostics;
using EduCloud.Identity;
using EduCloud.Kernel.Codes;
using EduCloud.Statistics.Rollup;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EduCloud.Bench.Rollup;

/// <summary>
/// The five-level statistics over a generated population (default 10,000,000 students in 30,000 schools across every
/// real county), side by side in one run per database: (a) a GROUP BY over the raw student rows, (b0) a cold build from
/// main's old census layout (one row per school and cell, kept by the bench as bench_cell_census) by a 14-column
/// reader, (b) the product's cold build from the packed census (one row per school, ADR 0033) through the contract,
/// (b′) the roll-up alone, (c) one school's change reaching the national figure. Raw rows are generated in SQL into an
/// unlogged PostgreSQL table (not stu_student: the baseline needs only the counted columns); the SQLite leg copies the
/// same rows and census into its own file once (bench/data/rollup-sqlite).
/// </summary>
internal static class MeasureRollup
{
    private sealed record Leg(string Name, string Provider, string ConnectionString, Func<DbConnection> Connect, string? CpuAdmin, string? CpuDatabase);

    private sealed record Figures(List<double> Baseline, List<double> Before, List<double> BeforeCpu, List<double> Full, List<double> FullCpu,
        List<double> Memory, List<double> Change, List<double> ChangeWithSave, List<double> ReadOnly, List<double> ReadOnlyCpu)
    {
        public long RawTotal { get; set; }
        public long CubeTotal { get; set; }
        public int Cells { get; set; }
        public int Schools { get; set; }
    }

    public static async Task<string> RunAsync(BenchOptions o)
    {
        var database = "educloud_bench_rollup";
        var connectionString = o.PostgresServer + ";Database=" + database;
        if (o.Regenerate || !await ExistsAsync(o, database))
        {
            await GenerateAsync(o, database, connectionString);
        }
        // An older dataset has main's per-cell census: the PackedCensus migration converts it here (timed once).
        var clock = Stopwatch.StartNew();
        await RollupHost.MigrateAsync(o, connectionString);
        Console.WriteLine($"  migrations applied in {clock.Elapsed.TotalSeconds:F1} s");
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync();
            await new NpgsqlCommand(RollupDataset.CellCensus, c) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
            await CheckPackedAsync(c);
        }
        var legs = new List<(Leg Leg, Figures Figures)>();
        var postgres = new Leg("PostgreSQL", "Postgres", connectionString, () => new NpgsqlConnection(connectionString), o.PostgresServer + ";Database=postgres", database);
        if (o.WantsPostgres)
        {
            legs.Add((postgres, await MeasureAsync(o, postgres)));
        }
        if (o.WantsSqlite)
        {
            var file = await RollupSqlite.EnsureAsync(o, connectionString);
            var sqliteConnection = $"Data Source={file}";
            var sqlite = new Leg("SQLite", "Sqlite", sqliteConnection, () => new SqliteConnection(sqliteConnection), null, null);
            await using (var c = new SqliteConnection(sqliteConnection))
            {
                await c.OpenAsync();
                await CheckPackedAsync(c);
            }
            legs.Add((sqlite, await MeasureAsync(o, sqlite)));
        }
        return Table(o, legs);
    }

    private static async Task<Figures> MeasureAsync(BenchOptions o, Leg leg)
    {
        var f = new Figures([], [], [], [], [], [], [], [], [], []);
        await using var app = await RollupHost.BuildAsync(o, leg.ConnectionString, leg.Provider);
        await using var connection = leg.Connect();
        await connection.OpenAsync();
        var cube = app.Services.GetRequiredService<RollupCube<StudentPopulation>>();
        for (var run = 0; run < o.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            f.RawTotal = await BaselineAsync(connection);
            f.Baseline.Add(clock.Elapsed.TotalMilliseconds);

            var meter = await Import.CpuMeter.StartAsync(leg.CpuAdmin, leg.CpuDatabase);
            clock.Restart();
            await CellLayoutBuildAsync(connection);
            f.Before.Add(clock.Elapsed.TotalMilliseconds);
            var used = await meter.StopAsync();
            f.BeforeCpu.Add((used.Process + used.Database) * 1000);

            // (b1) the packed census read and decoded through the contract, no roll-up: how (b) splits.
            meter = await Import.CpuMeter.StartAsync(leg.CpuAdmin, leg.CpuDatabase);
            clock.Restart();
            await ReadThroughContractAsync(app.Services);
            f.ReadOnly.Add(clock.Elapsed.TotalMilliseconds);
            used = await meter.StopAsync();
            f.ReadOnlyCpu.Add((used.Process + used.Database) * 1000);

            meter = await Import.CpuMeter.StartAsync(leg.CpuAdmin, leg.CpuDatabase);
            await cube.RebuildAsync(CancellationToken.None);
            f.Full.Add(cube.LastBuild.TotalMilliseconds);
            used = await meter.StopAsync();
            f.FullCpu.Add((used.Process + used.Database) * 1000);
            var snapshot = await cube.CurrentAsync(CancellationToken.None);
            var status = snapshot.Shape.OffsetOf(StudentPopulation.Status);
            f.CubeTotal = Enumerable.Range(status, 4).Sum(slot => (long)RollupSnapshot.At(snapshot.Regions[""].Vector, slot).A);
            f.Cells = snapshot.Schools.Values.Sum(s => s.Cells.Length);
            f.Schools = snapshot.Schools.Count;

            var schools = snapshot.Schools.Values.ToList();
            clock.Restart();
            _ = RollupSnapshot.Build(snapshot.Shape, schools, 0);
            f.Memory.Add(clock.Elapsed.TotalMilliseconds);

            var (reflect, withSave) = await OneChangeAsync(app.Services, cube, schools[run * 7919 % schools.Count]);
            f.Change.Add(reflect);
            f.ChangeWithSave.Add(withSave);
            Console.WriteLine($"{leg.Name} run {run + 1}: baseline {f.Baseline[^1]:F0} ms, cell-layout build {f.Before[^1]:F0} ms ({f.BeforeCpu[^1]:F0} CPU ms), " +
                $"packed build {f.Full[^1]:F0} ms ({f.FullCpu[^1]:F0} CPU ms) (in memory {f.Memory[^1]:F0} ms), change {f.Change[^1]:F1} ms " +
                $"({f.ChangeWithSave[^1]:F1} ms with the save), load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
        return f;
    }

    private static string Table(BenchOptions o, List<(Leg Leg, Figures F)> legs)
    {
        var m = BenchResult.Median;
        static string Runs(List<double> v) => string.Join(" / ", v.Select(x => x.ToString("F0")));
        var text = new System.Text.StringBuilder($"""
            Population: {o.Students:N0} generated students in {o.Schools:N0} schools over every current county of GB/T 2260.
            2 shared cores; {o.Runs} runs per database, medians. Load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.
            CPU = this process + the database's backends (PostgreSQL) or this process alone (SQLite is in-process), in ms.

            """);
        foreach (var (leg, f) in legs)
        {
            text.Append($"""

                {leg.Name}: raw rows counted {f.RawTotal:N0}; students (all statuses) in the rollup's national node {f.CubeTotal:N0}; {f.Schools:N0} schools, {f.Cells:N0} cells.

                | Measurement ({leg.Name}) | median ms | CPU ms | runs (wall ms) |
                |---|---:|---:|---|
                | (a) GROUP BY school × stage × grade × sex × ethnicity × urban/rural × status over the {o.Students:N0} raw rows (baseline) | {m(f.Baseline):F0} | | {Runs(f.Baseline)} |
                | (b0) cold build from main's census layout (one row per school and cell; 14-column reader) + roll-up | {m(f.Before):F0} | {m(f.BeforeCpu):F0} | {Runs(f.Before)} |
                | (b) **cold build from the packed census** (one row per school) through IStudentCensus.ReadAllSchoolsAsync + roll-up | **{m(f.Full):F0}** | {m(f.FullCpu):F0} | {Runs(f.Full)} (CPU {Runs(f.FullCpu)}) |
                | (b1) the packed census read and decoded through ReadAllSchoolsAsync only (no roll-up) | {m(f.ReadOnly):F0} | {m(f.ReadOnlyCpu):F0} | {Runs(f.ReadOnly)} (CPU {Runs(f.ReadOnlyCpu)}) |
                | (b′) roll-up alone (cells already in memory) | {m(f.Memory):F0} | | {Runs(f.Memory)} |
                | (c) one school's change reflected in the national figure | {m(f.Change):F1} | | {string.Join(" / ", f.Change.Select(x => x.ToString("F1")))} |
                | (c′) the same including the record's save and census merge | {m(f.ChangeWithSave):F1} | | {string.Join(" / ", f.ChangeWithSave.Select(x => x.ToString("F1")))} |

                """);
        }
        return text.ToString();
    }

    /// <summary>
    /// The packed census, school by school, must hold the students of main's per-cell layout it was packed from plus
    /// those the runs' (c) admitted since (real stu_student rows).
    /// </summary>
    private static async Task CheckPackedAsync(DbConnection connection)
    {
        var schema = connection is NpgsqlConnection ? "students." : "";
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = $"""
            SELECT count(*) FROM (SELECT "SchoolId", sum("Students") AS n FROM bench_cell_census GROUP BY "SchoolId") c
            LEFT JOIN {schema}stu_census_school p ON p."SchoolId" = c."SchoolId"
            LEFT JOIN (SELECT "SchoolId", count(*) AS n FROM {schema}stu_student GROUP BY "SchoolId") s ON s."SchoolId" = c."SchoolId"
            WHERE p."Students" IS NULL OR p."Students" <> c.n + coalesce(s.n, 0)
            """;
        var differing = Convert.ToInt64(await command.ExecuteScalarAsync());
        if (differing != 0)
        {
            throw new InvalidOperationException($"{differing} schools' packed census differs from the per-cell census");
        }
    }

    /// <summary>Admits one student at a school through the real DbContext and times until the national figure shows them.</summary>
    private static async Task<(double Reflect, double WithSave)> OneChangeAsync(IServiceProvider services, RollupCube<StudentPopulation> cube, SchoolNode school)
    {
        var before = await NationalAsync(cube);
        using var scope = services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<StudentsDbContext>();
        var record = new StudentRecord
        {
            StudentNumber = "J" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString("D18"),
            Name = "基准",
            Sex = Sex.Female,
            BirthDate = new DateOnly(2017, 5, 1),
            Status = EnrolmentStatus.Enrolled,
            Stage = Stage.Primary,
            GradeLevel = 1,
            EntryYear = 2025,
            UrbanRural = UrbanRural.Rural,
        };
        record.PlaceAt(new Kernel.Scope.ScopeKey(school.ProvinceCode, school.CityCode, school.CountyCode, school.Id, null));
        db.Students.Add(record);
        var clock = Stopwatch.StartNew();
        await db.SaveChangesAsync();
        var saved = clock.Elapsed.TotalMilliseconds;
        var after = await NationalAsync(cube);
        var total = clock.Elapsed.TotalMilliseconds;
        if (after != before + 1)
        {
            throw new InvalidOperationException($"national figure {after}, expected {before + 1}");
        }
        return (total - saved, total);
    }

    private static async Task<int> ReadThroughContractAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var cells = 0;
        await foreach (var school in scope.ServiceProvider.GetRequiredService<Students.Contracts.IStudentCensus>().ReadAllSchoolsAsync(CancellationToken.None))
        {
            cells += school.Cells.Count;
        }
        return cells;
    }

    private static async Task<int> NationalAsync(RollupCube<StudentPopulation> cube) =>
        RollupSnapshot.At((await cube.CurrentAsync(CancellationToken.None)).Regions[""].Vector, 0).A;

    /// <summary>A cold build from main's census layout (one 14-column row per school and cell), the way main's product read it.</summary>
    private static async Task CellLayoutBuildAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = """
            SELECT "SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                   "Students", "LeftBehind", "Migrant", "Disabled"
            FROM bench_cell_census WHERE "Students" <> 0 AND "SchoolId" IS NOT NULL
            """;
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(DbDataReader r, int i)
        {
            var v = r.GetString(i);
            return codes.TryGetValue(v, out var s) ? s : codes[v] = v;
        }
        var facts = new List<SchoolFact>();
        await using (var r = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess))
        {
            while (await r.ReadAsync())
            {
                facts.Add(StudentPopulation.ToFact(new Students.Contracts.CensusCell(r.GetGuid(0), Shared(r, 1), Shared(r, 2), Shared(r, 3), (Stage)r.GetInt32(4),
                    r.GetInt32(5), (Sex)r.GetInt32(6), Shared(r, 7), (UrbanRural)r.GetInt32(8), (Students.Contracts.CensusStatus)r.GetInt32(9), r.GetInt32(10),
                    r.GetInt32(11), r.GetInt32(12), r.GetInt32(13))));
            }
        }
        _ = RollupSnapshot.Build(StudentPopulation.StudentShape, RollupCube<StudentPopulation>.ToSchools(facts), 0);
    }

    private static async Task<long> BaselineAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        var asInt = connection is NpgsqlConnection ? "::int" : "";
        command.CommandText = $"""
            SELECT school_id, min(province), min(city), min(county), stage, grade, sex, eth, ur, status,
                   count(*), sum(left_behind{asInt}), sum(migrant{asInt}), sum(disabled{asInt})
            FROM bench_raw_student GROUP BY school_id, stage, grade, sex, eth, ur, status
            """;
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total += reader.GetInt64(10);
        }
        return total;
    }

    private static async Task<bool> ExistsAsync(BenchOptions o, string database)
    {
        await using var connection = new NpgsqlConnection(o.PostgresServer + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @d", connection);
        command.Parameters.AddWithValue("d", database);
        if (await command.ExecuteScalarAsync() is null)
        {
            return false;
        }
        await using var check = new NpgsqlConnection(o.PostgresServer + ";Database=" + database);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bench_raw_student", check);
        try
        {
            return (long)(await count.ExecuteScalarAsync())! == o.Students;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    private static async Task GenerateAsync(BenchOptions o, string database, string connectionString)
    {
        await using (var admin = new NpgsqlConnection(o.PostgresServer + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await RollupHost.MigrateAsync(o, connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        foreach (var sql in RollupDataset.Statements(o.Schools, o.Students))
        {
            await new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s: {sql.Split('\n')[0].Trim()}");
        }
    }
}
