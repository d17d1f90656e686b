using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EduCloud.Bench.Dataset;
using EduCloud.Bench.Load;

namespace EduCloud.Bench.Xapi;

/// <summary>
/// `xapi`: ingest (batches, single POSTs, raw insert loop) alternated over the runs, then the store filled to
/// --statements by the bulk loader, then the p95 of statement queries through the real server over that store.
/// </summary>
internal static class MeasureXapi
{
    private static readonly (string Name, Func<Random, string> Query)[] Queries =
    [
        ("agent, limit 25", r => $"agent={Agent(r)}&limit=25"),
        ("verb, limit 25", r => $"verb={Uri.EscapeDataString(StatementFactory.Verbs[r.Next(StatementFactory.Verbs.Length)])}&limit=25"),
        ("activity, limit 25", r => $"activity={Uri.EscapeDataString(StatementFactory.Activity(r.Next(StatementFactory.Activities)))}&limit=25"),
        ("since 30 days ago, limit 50", r => $"since={Uri.EscapeDataString(DateTime.UtcNow.AddDays(-30 - r.Next(30)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}&limit=50"),
        ("agent + verb + since, limit 10", r => $"agent={Agent(r)}&verb={Uri.EscapeDataString(StatementFactory.Verbs[r.Next(StatementFactory.Verbs.Length)])}&since={Uri.EscapeDataString(DateTime.UtcNow.AddDays(-200).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}&limit=10"),
        ("activity + verb, limit 10", r => $"activity={Uri.EscapeDataString(StatementFactory.Activity(r.Next(StatementFactory.Activities)))}&verb={Uri.EscapeDataString(StatementFactory.Verbs[r.Next(StatementFactory.Verbs.Length)])}&limit=10"),
    ];

    private static string Agent(Random r) =>
        Uri.EscapeDataString(JsonSerializer.Serialize(new { mbox = StatementFactory.Learner(r.Next(StatementFactory.Learners)) }));

    public static async Task<string> RunAsync(BenchOptions o, long statements, int batch, int batchClients, int batchTotal, int singleClients, int queriesPerKind, IReadOnlySet<string> phases, IReadOnlySet<string> parts)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# xAPI ingest and queries, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {o.Runs} runs, load average before: {Latencies.LoadAverage()}");
        foreach (var postgres in new[] { true, false })
        {
            if (postgres ? !o.WantsPostgres : !o.WantsSqlite)
            {
                continue;
            }
            var spec = await DemoDataset.EnsureAsync(o, postgres, "lrs");
            var batches = new List<MeasureIngest.Figures>();
            var singles = new List<MeasureIngest.Figures>();
            var wrkSingles = new List<MeasureIngest.Figures>();
            var givenSingles = new List<MeasureIngest.Figures>();
            var raws = new List<MeasureIngest.Figures>();
            var loads = new List<string>();
            StatementStore.Template template;
            if (!phases.Contains("ingest"))
            {
                // The store already holds statements the bench client stored (an earlier run): copy the place from them.
                template = await StatementStore.TemplateAsync(spec);
            }
            else
            {
                var serverPool = spec.IsPostgres && o.ServerPool > 0
                    ? new Dictionary<string, string> { ["Database:ConnectionString"] = spec.ConnectionString + $";Maximum Pool Size={o.ServerPool}" }
                    : null;
                await using (var server = ServerProcess.Start(o, spec, $"server-xapi-{spec.Provider.ToLowerInvariant()}", serverPool))
                {
                    await server.WaitFor200Async("/health", TimeSpan.FromSeconds(180));
                    var client = await MeasureIngest.IssueClientAsync(server);
                    // Warm-up: JIT, pools, and a first stored statement to copy the place from. Batches last and, when they
                    // are measured, half a run of them: after only 4 batches (and the singles after them) the first run still
                    // cost about 1 server CPU-s more per 100,000 statements than the later runs (session 15).
                    await MeasureIngest.SinglesAsync(o, spec, server, client, singleClients, TimeSpan.FromSeconds(o.WarmupSeconds));
                    await MeasureIngest.BatchesAsync(o, spec, server, client, parts.Contains("batches") ? Math.Max(batch * 4, batchTotal / 2 / batch * batch) : batch * 4, batch, batchClients);
                    template = await StatementStore.TemplateAsync(spec);
                    for (var run = 1; run <= o.Runs; run++)
                    {
                        loads.Add(Latencies.LoadAverage());
                        // --parts picks what runs (e.g. only batches while a profiler is attached); an empty figure stands for a skipped part.
                        var none = new MeasureIngest.Figures(0, 0, 0, 0, 0, 0, 0, 0);
                        var b = parts.Contains("batches") ? await MeasureIngest.BatchesAsync(o, spec, server, client, batchTotal, batch, batchClients) : none;
                        var s = parts.Contains("singles") ? await MeasureIngest.SinglesAsync(o, spec, server, client, singleClients, TimeSpan.FromSeconds(o.DurationSeconds)) : none;
                        var w = parts.Contains("singles-wrk") ? await MeasureSinglesWithWrk.RunAsync(o, spec, server, client, singleClients, TimeSpan.FromSeconds(o.DurationSeconds)) : none;
                        var g = parts.Contains("singles-ids") ? await MeasureIngest.SinglesAsync(o, spec, server, client, singleClients, TimeSpan.FromSeconds(o.DurationSeconds), givenIds: true) : none;
                        var r = parts.Contains("raw") ? await MeasureIngest.RawInsertLoopAsync(o, spec, template, singleClients, TimeSpan.FromSeconds(o.DurationSeconds)) : none;
                        batches.Add(b);
                        singles.Add(s);
                        wrkSingles.Add(w);
                        givenSingles.Add(g);
                        raws.Add(r);
                        Console.WriteLine($"[{spec.Label}] run {run}: batches {b.Rate:F0}/s ({b.PerCpuSecond:F0} per CPU-s; CPU-s server {b.ProcessCpu:F2} + db {b.DatabaseCpu:F2}; {b.Errors} errors) | single POSTs {s.Rate:F0}/s ({s.PerCpuSecond:F0} per CPU-s; server {s.ProcessCpu:F1} + db {s.DatabaseCpu:F1}, bench {s.BenchCpu:F1}; µs server CPU per POST {(s.Rate > 0 ? 1e6 * s.ProcessCpu / (s.Rate * o.DurationSeconds) : 0):F0}; p95 {s.P95:F1} ms, {s.Errors} errors) | raw insert loop {r.Rate:F0}/s ({r.PerCpuSecond:F0} per CPU-s; bench {r.ProcessCpu:F1} + db {r.DatabaseCpu:F1}) | load {loads[^1]}");
                    }
                }
                report.AppendLine();
                report.AppendLine(CultureInfo.InvariantCulture, $"## {spec.Label}: ingest (medians of {o.Runs}; load averages at each run: {string.Join(" / ", loads)})");
                report.AppendLine();
                report.AppendLine("| Path | statements/s | per CPU-second (server + database) | per-run figures | CPU split server / database (median share) | p50 ms | p95 ms | p99 ms | errors |");
                report.AppendLine("|---|---|---|---|---|---|---|---|---|");
                Row(report, $"POST batches of {batch:N0}, {batchClients} clients, {batchTotal:N0} statements", batches);
                Row(report, $"POST one statement, {singleClients} clients, {o.DurationSeconds} s", singles);
                if (parts.Contains("singles-wrk"))
                {
                    Row(report, $"POST one statement, {singleClients} wrk connections (one wrk thread as load generator), {o.DurationSeconds} s", wrkSingles);
                }
                if (parts.Contains("singles-ids"))
                {
                    Row(report, $"POST one statement with a client-chosen id, {singleClients} clients, {o.DurationSeconds} s", givenSingles);
                }
                Row(report, $"raw single-row INSERT loop, {(spec.IsPostgres ? singleClients : 1)} connection(s), {o.DurationSeconds} s (CPU: bench + database)", raws);
                if (singles.Any(s => s.BenchCpu > 0))
                {
                    report.AppendLine();
                    report.AppendLine(CultureInfo.InvariantCulture, $"Single POSTs, CPU-s per run (server / database / the bench's own HttpClient load generator): {string.Join(" | ", singles.Select(s => $"{s.ProcessCpu:F1} / {s.DatabaseCpu:F1} / {s.BenchCpu:F1}"))}; server CPU per POST {string.Join(" / ", singles.Select(s => $"{1e6 * s.ProcessCpu / Math.Max(1, s.Rate * o.DurationSeconds):F0}"))} µs.");
                }
                if (wrkSingles.Any(s => s.Rate > 0))
                {
                    report.AppendLine();
                    report.AppendLine(CultureInfo.InvariantCulture, $"Single POSTs with wrk, CPU-s per run (server / database / wrk): {string.Join(" | ", wrkSingles.Select(s => $"{s.ProcessCpu:F1} / {s.DatabaseCpu:F1} / {s.BenchCpu:F1}"))}; server CPU per POST {string.Join(" / ", wrkSingles.Select(s => $"{1e6 * s.ProcessCpu / Math.Max(1, s.Rate * o.DurationSeconds):F0}"))} µs.");
                }
            }

            if (queriesPerKind <= 0)
            {
                continue;
            }
            var have = await StatementStore.CountAsync(spec);
            var seconds = phases.Contains("fill") ? await StatementStore.FillAsync(spec, template, statements, have) : 0;
            var size = await StatementStore.CountAsync(spec);
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Store: {size:N0} statements ({(seconds > 0 ? $"bulk-loaded {statements - have:N0} in {seconds:F0} s" : "cached")}).");
            if (!phases.Contains("queries"))
            {
                continue;
            }
            await using (var server = ServerProcess.Start(o, spec, $"server-xapi-{spec.Provider.ToLowerInvariant()}-queries"))
            {
                await server.WaitFor200Async("/health", TimeSpan.FromSeconds(180));
                var client = await MeasureIngest.IssueClientAsync(server);
                await QueriesAsync(report, spec, client, queriesPerKind, o.Runs);
            }
        }
        return report.ToString();
    }

    private static async Task QueriesAsync(StringBuilder report, DatasetSpec spec, MeasureIngest.Client client, int perKind, int runs)
    {
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {spec.Label}: GET /xapi/statements over the store ({perKind} sequential queries per kind per run, random parameters; median of {runs} runs; load average {Latencies.LoadAverage()})");
        report.AppendLine();
        report.AppendLine("| Query | p50 ms | p95 ms | p99 ms | statements returned (mean) | errors |");
        report.AppendLine("|---|---|---|---|---|---|");
        var all = new List<double>();
        foreach (var (name, query) in Queries)
        {
            var p50 = new List<double>();
            var p95 = new List<double>();
            var p99 = new List<double>();
            long returned = 0, errors = 0;
            for (var run = 0; run < runs; run++)
            {
                var random = new Random(run * 7919 + name.Length);
                var latencies = new Latencies();
                for (var k = -5; k < perKind; k++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.Http.GetAsync("/xapi/statements?" + query(random));
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (k < 0) { continue; }
                    latencies.Add(ms);
                    if (!response.IsSuccessStatusCode) { errors++; continue; }
                    using var doc = JsonDocument.Parse(body);
                    returned += doc.RootElement.GetProperty("statements").GetArrayLength();
                }
                p50.Add(latencies.P(50));
                p95.Add(latencies.P(95));
                p99.Add(latencies.P(99));
            }
            all.Add(Latencies.Median(p95));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Latencies.Median(p50):F1} | {Latencies.Median(p95):F1} | {Latencies.Median(p99):F1} | {returned / (double)(perKind * runs):F1} | {errors} |");
            Console.WriteLine($"[{spec.Label}] query {name}: p50 {Latencies.Median(p50):F1} p95 {Latencies.Median(p95):F1} p99 {Latencies.Median(p99):F1} ms, errors {errors}");
        }
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Worst p95 over the query kinds: {all.Max():F1} ms.");
    }

    private static void Row(StringBuilder report, string name, List<MeasureIngest.Figures> runs) =>
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Latencies.Median(runs.Select(r => r.Rate)):N0} | {Latencies.Median(runs.Select(r => r.PerCpuSecond)):N0} | {string.Join(" / ", runs.Select(r => r.PerCpuSecond.ToString("N0", CultureInfo.InvariantCulture)))} | {Latencies.Median(runs.Select(r => r.ProcessCpu + r.DatabaseCpu > 0 ? 100 * r.ProcessCpu / (r.ProcessCpu + r.DatabaseCpu) : 0)):F0} % / {Latencies.Median(runs.Select(r => r.ProcessCpu + r.DatabaseCpu > 0 ? 100 * r.DatabaseCpu / (r.ProcessCpu + r.DatabaseCpu) : 0)):F0} % | {Latencies.Median(runs.Select(r => r.P50)):F1} | {Latencies.Median(runs.Select(r => r.P95)):F1} | {Latencies.Median(runs.Select(r => r.P99)):F1} | {runs.Sum(r => r.Errors)} |");
}
