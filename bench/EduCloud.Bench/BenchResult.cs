using System.Text;
using System.Text.Json;
using EduCloud.Bench.Load;

namespace EduCloud.Bench;

/// <summary>Every run of one measurement; the report shows medians.</summary>
internal sealed record BenchResult(string Database, string Kind, int Schools, int Accounts)
{
    public List<WrkResult> Bare { get; } = [];
    public List<WrkResult> Real { get; } = [];
    public List<Probe> Probes { get; } = [];
    public int CountyTotal { get; set; }
    public int BodyBytes { get; set; }
    public double RssAfterLoadMiB { get; set; }
    public string? Page { get; init; }
    public List<double> ColdStartMs { get; } = [];
    public List<double> IdleRssMiB { get; } = [];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One run against another product endpoint, to show which part of the pipeline costs what.</summary>
internal sealed record Probe(string Name, WrkResult Result);

/// <summary>Writes bench/results/results-*.json (every run) and a Markdown table of medians for docs/benchmarks.md.</summary>
internal static class ResultsFile
{
    public static async Task WriteAsync(BenchOptions o, List<BenchResult> results)
    {
        Directory.CreateDirectory(o.ResultsRoot);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss");
        await File.WriteAllTextAsync(Path.Combine(o.ResultsRoot, $"results-{stamp}.json"),
            JsonSerializer.Serialize(new { options = o, results }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        var md = new StringBuilder();
        md.AppendLine($"Dataset: {o.Schools:N0} schools, {o.Accounts:N0} accounts. wrk -t{o.Threads} -c{o.Connections}, {o.Runs} runs of {o.DurationSeconds} s after {o.WarmupSeconds} s warm-up; medians.");
        md.AppendLine();
        md.AppendLine("| Database | Endpoint | req/s | req/s per core | req per CPU-second (server + database) | p50 ms | p99 ms | real / bare req/s | non-2xx |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.Where(r => r.Kind == "throughput"))
        {
            var bareRps = BenchResult.Median(r.Bare.Select(x => x.Rps));
            var realRps = BenchResult.Median(r.Real.Select(x => x.Rps));
            md.AppendLine($"| {r.Database} | bare (memory) | {bareRps:F0} | {bareRps / Environment.ProcessorCount:F0} | | {BenchResult.Median(r.Bare.Select(x => x.P50Ms)):F2} | {BenchResult.Median(r.Bare.Select(x => x.P99Ms)):F2} | 1.00 | {r.Bare.Sum(x => x.Non2xx)} |");
            md.AppendLine($"| {r.Database} | real (county {o.County}, {r.CountyTotal} schools) | {realRps:F0} | {realRps / Environment.ProcessorCount:F0} | {BenchResult.Median(r.Real.Select(x => x.RequestsPerCpuSecond)):F0} | {BenchResult.Median(r.Real.Select(x => x.P50Ms)):F2} | {BenchResult.Median(r.Real.Select(x => x.P99Ms)):F2} | {realRps / bareRps:F3} | {r.Real.Sum(x => x.Non2xx)} |");
        }
        md.AppendLine();
        md.AppendLine("| Database | Pipeline probe (one run) | req/s | p50 ms | p99 ms |");
        md.AppendLine("|---|---|---:|---:|---:|");
        foreach (var r in results.Where(r => r.Kind == "throughput"))
        {
            foreach (var p in r.Probes)
            {
                md.AppendLine($"| {r.Database} | {p.Name} | {p.Result.Rps:F0} | {p.Result.P50Ms:F2} | {p.Result.P99Ms:F2} |");
            }
        }
        md.AppendLine();
        md.AppendLine("| Database | Cold start to first 200 (median ms) | Idle RSS after 10 s (median MiB) | RSS 10 s after load (MiB) |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var r in results.Where(r => r.Kind == "coldstart"))
        {
            var load = results.FirstOrDefault(x => x.Kind == "throughput" && x.Database == r.Database);
            md.AppendLine($"| {r.Database} ({r.Page}) | {BenchResult.Median(r.ColdStartMs):F0} | {BenchResult.Median(r.IdleRssMiB):F0} | {(load is null ? "-" : load.RssAfterLoadMiB.ToString("F0"))} |");
        }
        var path = Path.Combine(o.ResultsRoot, $"results-{stamp}.md");
        await File.WriteAllTextAsync(path, md.ToString());
        Console.WriteLine(md.ToString());
        Console.WriteLine($"written {path}");
    }
}
