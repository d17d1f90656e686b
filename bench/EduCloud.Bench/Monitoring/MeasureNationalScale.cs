using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EduCloud.Monitoring;
using EduCloud.Monitoring.Features.Indicators;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Indicators;
using Npgsql;

namespace EduCloud.Bench.Monitoring;

/// <summary>
/// Issue 6's figures at national scale, side by side in one run: N schools' approved returns (31 provinces × 10
/// cities × 10 counties, the generator of the `monitoring` command), the shipped catalogue.
/// (1) full recompute: every level from the schools' values (IndicatorRollup.Build), median of the runs;
/// (2) one approval until every level's dashboard shows it: the school's values, IndicatorRollup.With, then the
///     dashboard answer (ReadDashboard.Compose) of the nation, its province, city, county and the school, checked;
/// (3) the dashboard read under load (Compose + JSON) against (4) a plain SQL GROUP BY on PostgreSQL over the same
///     returns (one table, indexed by province, city and county) answering the same node: the same clients, nodes and
///     duration. The returns are cached as bench/data/monitoring-N.csv and in database educloud_bench_monitoring.
/// dotnet run -c Release --project bench/EduCloud.Bench -- monitoring-national [--schools 500000] [--runs 5] [--clients 8] [--seconds 10]
/// </summary>
internal static class MeasureNationalScale
{
    public static async Task<string> RunAsync(BenchOptions o, int schools, int runs, int clients, double seconds)
    {
        var indicators = MonitoringModule.IndicatorRows().Select(CompiledIndicator.Of).ToList();
        var random = new Random(2026);
        var returns = Enumerable.Range(0, schools).Select(i => MeasureIndicatorRollup.Return(i, random)).ToList();
        var watch = Stopwatch.StartNew();
        var figures = returns.ToDictionary(r => r.School, r => SchoolFigures.Compute(indicators, r));
        var computeMs = watch.Elapsed.TotalMilliseconds;

        var full = new List<double>();
        var fullCpu = new List<double>();
        IndicatorRollup rollup = null!;
        for (var run = 0; run <= runs; run++)
        {
            GC.Collect();
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            rollup = IndicatorRollup.Build(indicators, figures);
            if (run > 0)
            {
                full.Add(watch.Elapsed.TotalMilliseconds);
                fullCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds);
            }
        }

        // (2) Approvals: a new return for a random school replaces its figures; every level's answer must show it.
        var index = rollup.IndexOf("bandwidthPerClass");
        var approvals = new List<double>();
        var approvalCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ids = figures.Keys.ToArray();
        for (var a = 0; a < 101; a++)
        {
            var school = rollup.Schools[ids[random.Next(ids.Length)]];
            var fresh = MeasureIndicatorRollup.Return(random.Next(schools), random);
            watch.Restart();
            var computed = SchoolFigures.Compute(indicators, fresh) with
            {
                SchoolId = school.SchoolId, Name = school.Name, ProvinceCode = school.ProvinceCode, CityCode = school.CityCode, CountyCode = school.CountyCode, Category = school.Category,
            };
            var next = rollup.With(computed);
            var atSchool = Node("school", school.SchoolId.ToString(), school);
            var answers = new[] { FiveLevelNode.National, FiveLevelNode.Region(school.ProvinceCode), FiveLevelNode.Region(school.CityCode), FiveLevelNode.Region(school.CountyCode), atSchool }
                .Select(n => ReadDashboard.Compose(next, index, n, [n], Names, school.Name, 0)).ToList();
            var ms = watch.Elapsed.TotalMilliseconds;
            var county = answers[3].Schools.Single(s => s.SchoolId == school.SchoolId);
            if (county.Value != computed.Values[index] || answers[4].SchoolDetail[index].Value != computed.Values[index]
                || answers[0].Summary.Met != rollup.Nodes[IndicatorRollup.National].Met[index] - (school.Met(index) == true ? 1 : 0) + (computed.Met(index) == true ? 1 : 0))
            {
                throw new InvalidOperationException("an approval did not show on every level");
            }
            rollup = next;
            if (a > 0)
            {
                approvals.Add(ms);
            }
        }

        var approvalCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - approvalCpu).TotalMilliseconds / 101;

        // (3) and (4): the same node sequence for both, each client its own.
        var levels = new[] { new[] { IndicatorRollup.National }, rollup.ChildRegions[IndicatorRollup.National].ToArray(),
            rollup.Nodes.Keys.Where(k => k.Length == 6 && k.EndsWith("00", StringComparison.Ordinal) && !k.EndsWith("0000", StringComparison.Ordinal)).ToArray(),
            rollup.SchoolsOfCounty.Keys.ToArray() };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var memory = await LoadAsync(clients, seconds, (client, node) =>
        {
            var at = node == IndicatorRollup.National ? FiveLevelNode.National : FiveLevelNode.Region(node);
            var dto = ReadDashboard.Compose(rollup, index, at, [FiveLevelNode.National, at], Names, "", 0);
            return Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(dto).Length);
        }, levels);
        var memoryCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        var connection = await EnsurePostgresAsync(o, returns);
        await using var source = NpgsqlDataSource.Create(connection + $";Maximum Pool Size={clients + 2}");
        var sql = await LoadAsync(clients, seconds, async (client, node) =>
        {
            await using var command = source.CreateCommand(SqlFor(node));
            command.Parameters.Add(new NpgsqlParameter { Value = node });
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }
            return rows;
        }, levels);
        var sqlFull = new List<double>();
        for (var run = 0; run <= Math.Min(runs, 3); run++)
        {
            watch.Restart();
            await using var command = source.CreateCommand(
                "SELECT province, city, county, count(*), count(*) FILTER (WHERE bandwidth / classes >= CASE category WHEN 'Rural' THEN 5 ELSE 10 END), avg(bandwidth / classes) " +
                "FROM school_return GROUP BY ROLLUP (province, city, county)");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
            if (run > 0)
            {
                sqlFull.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return string.Join('\n',
            $"Monitoring at national scale: {schools:N0} schools × {indicators.Count} indicators; {clients} clients × {seconds} s per load phase; load average {load} at the end",
            "",
            "| What | Median | p99 | Other |",
            "|---|---|---|---|",
            $"| Values of every school from its return (once, at start) | {computeMs:N0} ms | — | — |",
            $"| Full five-level recompute in memory (IndicatorRollup.Build), {runs} runs | {Median(full):N0} ms | — | max {full.Max():N0} ms; CPU {Median(fullCpu):N0} ms (median) |",
            $"| Same rollup as one SQL GROUP BY ROLLUP on PostgreSQL, {sqlFull.Count} runs | {Median(sqlFull):N0} ms | — | — |",
            $"| One approval until all 5 levels' dashboards show it (values + With + 5 answers), 100 approvals | {Median(approvals):F2} ms | {Percentile(approvals, 0.99):F2} ms | max {approvals.Max():F2} ms; CPU {approvalCpuMs:F1} ms per approval (mean) |",
            $"| Dashboard answer from memory (Compose + JSON), under load | {memory.Median:F3} ms | {memory.P99:F3} ms | {memory.Count / seconds:N0} req/s; {memory.Count / memoryCpu:N0} req per CPU-s |",
            $"| Same answer as SQL GROUP BY on PostgreSQL, under load | {sql.Median:F3} ms | {sql.P99:F3} ms | {sql.Count / seconds:N0} req/s |",
            "",
            "Node mix: a level is drawn uniformly (nation, province, city, county), then a node of it; a county's answer lists its schools.");
    }

    private static readonly Dictionary<string, string> Names = [];

    private static FiveLevelNode Node(string kind, string code, SchoolFigures s) =>
        new(kind, code, s.SchoolId, new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, s.SchoolId, null));

    /// <summary>The SQL that answers what the dashboard shows at a node: per child region, or the schools of a county.</summary>
    private static string SqlFor(string node)
    {
        const string figures = "count(*), count(*) FILTER (WHERE bandwidth / classes >= CASE category WHEN 'Rural' THEN 5 ELSE 10 END), avg(bandwidth / classes)";
        return node switch
        {
            IndicatorRollup.National => $"SELECT province, {figures} FROM school_return WHERE $1 = $1 GROUP BY province",
            _ when node.EndsWith("0000", StringComparison.Ordinal) => $"SELECT city, {figures} FROM school_return WHERE province = $1 GROUP BY city",
            _ when node.EndsWith("00", StringComparison.Ordinal) => $"SELECT county, {figures} FROM school_return WHERE city = $1 GROUP BY county",
            _ => "SELECT name, category, bandwidth / classes AS v, bandwidth / classes >= CASE category WHEN 'Rural' THEN 5 ELSE 10 END AS met " +
                 "FROM school_return WHERE county = $1 ORDER BY met, name",
        };
    }

    private sealed record Latencies(int Count, double Median, double P99);

    private static async Task<Latencies> LoadAsync(int clients, double seconds, Func<int, string, Task<int>> request, string[][] levels)
    {
        var until = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var times = new List<double>();
            while (until.Elapsed.TotalSeconds < seconds)
            {
                var level = levels[random.Next(levels.Length)];
                var node = level[random.Next(level.Length)];
                var start = Stopwatch.GetTimestamp();
                await request(c, node);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return times;
        })));
        var merged = all.SelectMany(t => t).ToList();
        return new Latencies(merged.Count, Median(merged), Percentile(merged, 0.99));
    }

    /// <summary>The returns as one table (cached: the CSV under bench/data, the table reloaded only when its count differs).</summary>
    private static async Task<string> EnsurePostgresAsync(BenchOptions o, IReadOnlyList<EduCloud.Monitoring.Domain.AnnualReturn> returns)
    {
        const string database = "educloud_bench_monitoring";
        await using (var admin = new NpgsqlConnection(o.PostgresServer + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }
        var connection = o.PostgresServer + ";Database=" + database;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS school_return (school_id uuid PRIMARY KEY, name text, province text, city text, county text, " +
            "category text, classes double precision, bandwidth double precision)", db))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM school_return", db))
        {
            if ((long)(await count.ExecuteScalarAsync())! == returns.Count)
            {
                return connection;
            }
        }
        Directory.CreateDirectory(o.DataRoot);
        var csv = Path.Combine(o.DataRoot, $"monitoring-{returns.Count}.csv");
        if (!File.Exists(csv))
        {
            await using var writer = new StreamWriter(csv, false, new UTF8Encoding(false));
            foreach (var r in returns)
            {
                await writer.WriteLineAsync(string.Join(',', r.School, r.SchoolName, r.ProvinceCode, r.CityCode, r.CountyCode, r.Category,
                    r.Values["classes"], r.Values["exportBandwidthMbps"]));
            }
        }
        await using (var truncate = new NpgsqlCommand("DROP INDEX IF EXISTS school_return_province, school_return_city, school_return_county; TRUNCATE school_return", db))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        await using (var copy = await db.BeginTextImportAsync("COPY school_return FROM STDIN (FORMAT csv)"))
        {
            await copy.WriteAsync(await File.ReadAllTextAsync(csv));
        }
        await using (var index = new NpgsqlCommand("CREATE INDEX school_return_province ON school_return (province); CREATE INDEX school_return_city ON school_return (city); " +
            "CREATE INDEX school_return_county ON school_return (county); ANALYZE school_return", db))
        {
            index.CommandTimeout = 600;
            await index.ExecuteNonQueryAsync();
        }
        return connection;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
