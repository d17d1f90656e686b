using System.Diagnostics;
using System.Globalization;
using System.Text;
using EduCloud.Resources.Search;

namespace EduCloud.Bench.Search;

/// <summary>
/// Issue 4 "Search" and "Indexing" figures: the same generated resources indexed by our engine, Lucene.NET, SQLite
/// FTS5 and PostgreSQL full-text in one run; indexing docs/s, publish-to-searchable time, and per query sample the
/// medians over rounds of queries/s and p50/p99 latency, with and without facet filters.
/// </summary>
internal static class MeasureSearch
{
    public static async Task<string> RunAsync(BenchOptions o, int count, string[] engines, int rounds, TimeSpan roundTime,
        string? searchDir = null, bool reuseLucene = false, string[]? samples = null)
    {
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var generate = Stopwatch.StartNew();
        var docs = GenerateResources.Create(count);
        Console.WriteLine($"generated {docs.Count:N0} resources in {generate.Elapsed.TotalSeconds:F1} s; e.g. {docs[0].Title} | {docs[0].Description}");
        var dir = searchDir ?? Path.Combine(o.DataRoot, "search");
        Directory.CreateDirectory(dir);
        var rows = new StringBuilder();
        var indexing = new StringBuilder();
        var totals = new Dictionary<string, List<long>>();
        foreach (var name in engines)
        {
            await using ISearchEngine engine = name switch
            {
                "own" => new OwnEngine(),
                "lucene" => new LuceneBigramEngine(Path.Combine(dir, "lucene"), reuseLucene),
                "sqlite" => new SqliteFts5Engine(Path.Combine(dir, "fts5.db")),
                "postgres" => new PostgresFtsEngine(o.PostgresServer),
                _ => throw new ArgumentException($"unknown engine {name}"),
            };
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            await engine.IndexAsync(docs);
            clock.Stop();
            var memory = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
            var extra = name switch
            {
                "own" => $"{((OwnEngine)engine).Index.TermCount:N0} terms, managed heap +{memory:F0} MiB",
                "lucene" => ((LuceneBigramEngine)engine).Reused ? $"index reused as found (--reuse-lucene), {DirectorySize(Path.Combine(dir, "lucene")):F0} MiB" : $"includes ForceMerge(1); {DirectorySize(Path.Combine(dir, "lucene")):F0} MiB on disk",
                "sqlite" => $"includes 'optimize'; {DirectorySize(dir, "fts5.db"):F0} MiB file",
                _ => "COPY, CREATE TABLE AS, GIN build, VACUUM ANALYZE",
            };
            Console.WriteLine($"{engine.Name}: indexed in {clock.Elapsed.TotalSeconds:F1} s ({extra})");
            var fresh = Freshness(name, engine, docs[0]);
            indexing.AppendLine(Inv($"| {engine.Name} | {count:N0} | {clock.Elapsed.TotalSeconds:F1} | {count / clock.Elapsed.TotalSeconds:N0} | {fresh} | {extra} |"));
            foreach (var (set, queries) in TimeQueries.Sets.Where(s => samples is null || samples.Contains(s.Name)))
            {
                foreach (var filtered in new[] { false, true })
                {
                    TimeQueries.Run(engine, queries, filtered, TimeSpan.FromMilliseconds(200)); // warm-up
                    var key = $"{set}|{filtered}";
                    totals.TryAdd(key, []);
                    totals[key].Add(queries.Sum(q => engine.Search(q, filtered)));
                    var results = Enumerable.Range(0, rounds).Select(_ => TimeQueries.Run(engine, queries, filtered, roundTime)).ToList();
                    var line = Inv($"| {engine.Name} | {set} | {(filtered ? "yes" : "no")} | {TimeQueries.Median(results.Select(r => r.Qps)):N0} | {(name == "postgres" ? "—" : TimeQueries.Median(results.Select(r => r.CpuQps)).ToString("N0", CultureInfo.InvariantCulture))} | {TimeQueries.Median(results.Select(r => r.P50Ms)):F2} | {TimeQueries.Median(results.Select(r => r.P99Ms)):F2} | {results.Sum(r => r.Count):N0} | {totals[key][^1]:N0} |");
                    Console.WriteLine(line);
                    rows.AppendLine(line);
                }
            }
        }
        var md = new StringBuilder();
        md.AppendLine(Inv($"{count:N0} generated resources (seed {GenerateResources.Seed}); one client thread; {rounds} rounds of {roundTime.TotalSeconds:F0} s per sample, medians; filter = {string.Join(" and ", GenerateResources.Filter)}; load average at start {load}, at end {File.ReadAllText("/proc/loadavg").Trim()}."));
        md.AppendLine();
        md.AppendLine("| Engine | Documents | Index time s | Docs/s | Upsert → searchable (median / p99 ms) | Notes |");
        md.AppendLine("|---|---:|---:|---:|---:|---|");
        md.Append(indexing);
        md.AppendLine();
        md.AppendLine("| Engine | Query sample | Filtered | Queries/s (wall) | Queries per CPU-second | p50 ms | p99 ms | Queries timed | Σ totals of the sample |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        md.Append(rows);
        return md.ToString();
    }

    /// <summary>Publish one new resource and time until a search finds it (100 times).</summary>
    private static string Freshness(string name, ISearchEngine engine, SearchDocument template)
    {
        var times = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var word = $"fresh{i}x{Environment.TickCount64}";
            var d = template with { ResourceId = Guid.NewGuid(), Title = $"新发布课件 {word}" };
            if (engine is OwnEngine own)
            {
                var clock = Stopwatch.StartNew();
                own.Index.Upsert(d);
                if (own.Search(word, false) != 1)
                {
                    throw new InvalidOperationException("the fresh resource was not found");
                }
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            else if (engine is LuceneBigramEngine { Reused: false } lucene)
            {
                times.Add(lucene.AddAndFind(d, word).TotalMilliseconds);
            }
        }
        times.Sort();
        return times.Count == 0 ? "—" : Inv($"{TimeQueries.Median(times):F3} / {TimeQueries.Percentile(times, 0.99):F3}") + (name == "lucene" ? " (NRT reopen)" : "");
    }

    private static double DirectorySize(string path, string prefix = "") =>
        Directory.GetFiles(path, prefix + "*").Sum(f => new FileInfo(f).Length) / 1048576.0;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
