using System.Diagnostics;
using EduCloud.Identity;
using EduCloud.Kernel.Codes;
using EduCloud.Server;
using EduCloud.Statistics.Rollup;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EduCloud.Bench.Rollup;

/// <summary>
/// The five-level statistics over a generated population (default 10,000,000 students in 30,000 schools across every
/// real county), side by side in one run: (a) PostgreSQL GROUP BY over the raw student rows, (b) the in-memory rollup
/// built from the census, with and without reading the census through the contract, (c) one school's change reaching
/// the national figure. Raw rows are generated in SQL into an unlogged bench table (not stu_student: the baseline
/// needs only the counted columns); the census is the GROUP BY of those rows, as CensusKeeper would keep it.
/// </summary>
internal static class MeasureRollup
{
    public static async Task<string> RunAsync(BenchOptions o)
    {
        var database = "educloud_bench_rollup";
        var connectionString = o.PostgresServer + ";Database=" + database;
        if (o.Regenerate || !await ExistsAsync(o, database))
        {
            await GenerateAsync(o, database, connectionString);
        }
        await using var app = await RollupHost.BuildAsync(o, connectionString);
        var baseline = new List<double>();
        var full = new List<double>();
        var before = new List<double>();
        var fullCpu = new List<double>();
        var beforeCpu = new List<double>();
        var memory = new List<double>();
        var change = new List<double>();
        var changeWithSave = new List<double>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var cube = app.Services.GetRequiredService<RollupCube<StudentPopulation>>();
        long rawTotal = 0, cubeTotal = 0;
        int cells = 0;
        for (var run = 0; run < o.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            rawTotal = await BaselineAsync(connection);
            baseline.Add(clock.Elapsed.TotalMilliseconds);

            var meter = await Import.CpuMeter.StartAsync(o.PostgresServer, database);
            clock.Restart();
            await FourteenColumnBuildAsync(connection);
            before.Add(clock.Elapsed.TotalMilliseconds);
            var used = await meter.StopAsync();
            beforeCpu.Add((used.Process + used.Database) * 1000);

            meter = await Import.CpuMeter.StartAsync(o.PostgresServer, database);
            await cube.RebuildAsync(CancellationToken.None);
            full.Add(cube.LastBuild.TotalMilliseconds);
            used = await meter.StopAsync();
            fullCpu.Add((used.Process + used.Database) * 1000);
            var snapshot = await cube.CurrentAsync(CancellationToken.None);
            var status = snapshot.Shape.OffsetOf(StudentPopulation.Status);
            cubeTotal = Enumerable.Range(status, 4).Sum(slot => (long)RollupSnapshot.At(snapshot.Regions[""].Vector, slot).A);
            cells = snapshot.Schools.Values.Sum(s => s.Cells.Length);

            var schools = snapshot.Schools.Values.ToList();
            clock.Restart();
            _ = RollupSnapshot.Build(snapshot.Shape, schools, 0);
            memory.Add(clock.Elapsed.TotalMilliseconds);

            var (reflect, withSave) = await OneChangeAsync(app.Services, cube, schools[run * 7919 % schools.Count]);
            change.Add(reflect);
            changeWithSave.Add(withSave);
            Console.WriteLine($"run {run + 1}: baseline {baseline[^1]:F0} ms, 14-column build {before[^1]:F0} ms ({beforeCpu[^1]:F0} CPU ms), build {full[^1]:F0} ms ({fullCpu[^1]:F0} CPU ms) (in memory {memory[^1]:F0} ms), change {change[^1]:F1} ms ({changeWithSave[^1]:F1} ms with the save)");
        }
        var m = BenchResult.Median;
        return $"""
            Population: {o.Students:N0} generated students in {o.Schools:N0} schools over every current county of GB/T 2260;
            census {cells:N0} cells. PostgreSQL 15 on the same host, 2 shared cores; {o.Runs} runs, medians.
            Load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}. CPU = this process + the database's backends (ms).
            Raw rows counted by PostgreSQL: {rawTotal:N0}; students (all statuses) in the rollup's national node: {cubeTotal:N0}.

            | Measurement | median ms | vs (a) |
            |---|---:|---:|
            | (a) PostgreSQL GROUP BY school × stage × grade × sex × ethnicity × urban/rural × status over the {o.Students:N0} raw rows (baseline) | {m(baseline):F0} | 1.00 |
            | (b0) the same cold build by the bench's own reader (one 14-column query, Npgsql) + roll-up to all five levels | {m(before):F0} (CPU app + PostgreSQL {m(beforeCpu):F0}) | {m(before) / m(baseline):F2} |
            | (b) full rollup build: census read through IStudentCensus.ReadAllAsync (plain data reader) + roll-up to all five levels | {m(full):F0} (CPU app + PostgreSQL {m(fullCpu):F0}) | {m(full) / m(baseline):F2} |
            | (b′) full rollup build in memory only (census cells already read) | {m(memory):F0} | {m(memory) / m(baseline):F3} |
            | (c) one school's change reflected: feed → re-read that school's census → adjust county/city/province/nation → read national figure | {m(change):F1} | {m(change) / m(baseline):F4} |
            | (c′) the same including the student record's save (census upsert in the same transaction) | {m(changeWithSave):F1} | {m(changeWithSave) / m(baseline):F4} |
            """;
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

    private static async Task<int> NationalAsync(RollupCube<StudentPopulation> cube) =>
        RollupSnapshot.At((await cube.CurrentAsync(CancellationToken.None)).Regions[""].Vector, 0).A;

    /// <summary>A cold build outside the product (one 14-column query): a check on (b), and the place to try another read.</summary>
    private static async Task FourteenColumnBuildAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT "SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                   "Students", "LeftBehind", "Migrant", "Disabled"
            FROM students.stu_school_census WHERE "Students" <> 0 AND "SchoolId" IS NOT NULL
            """, connection) { CommandTimeout = 0 };
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(NpgsqlDataReader r, int i)
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

    private static async Task<long> BaselineAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT school_id, min(province), min(city), min(county), stage, grade, sex, eth, ur, status,
                   count(*), sum(left_behind::int), sum(migrant::int), sum(disabled::int)
            FROM bench_raw_student GROUP BY school_id, stage, grade, sex, eth, ur, status
            """, connection) { CommandTimeout = 0 };
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
