using System.Diagnostics;

namespace EduCloud.Bench.Search;

/// <summary>The query samples and the timing loop shared by every engine.</summary>
internal static class TimeQueries
{
    public static readonly (string Name, string[] Queries)[] Sets =
    [
        ("1 character", ["诗", "圆", "鸡", "光", "酸", "雪", "秋", "磁"]),
        ("2 characters", ["数学", "语文", "课件", "函数", "古诗", "实验", "英语", "浮力", "微课", "教案"]),
        ("3+ characters", ["认识图形", "20以内的进位加法", "一元一次方程", "静夜思 教学设计", "勾股定理 课件", "光合作用", "欧姆定律", "小数的初步认识", "从百草园到三味书屋", "人教版 七年级 数学"]),
        ("1 character, worst case 学 (in ~all docs)", ["学"]),
    ];

    /// <summary>One round: the sample's queries in turn, one client thread, until the time is up (at least one pass).</summary>
    public static Round Run(ISearchEngine engine, string[] queries, bool filtered, TimeSpan duration)
    {
        var latencies = new List<double>();
        // CPU time of the whole process (the query thread, GC, tiering), which the other helpers' load on the two
        // shared cores does not inflate the way it inflates wall-clock time.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        for (var n = 0; n < 200_000 && (n < queries.Length || total.Elapsed < duration); n++)
        {
            clock.Restart();
            engine.Search(queries[n % queries.Length], filtered);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        latencies.Sort();
        return new Round(latencies.Count / total.Elapsed.TotalSeconds, latencies.Count / cpu, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count);
    }

    public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public static double Median(IEnumerable<double> values) => BenchResult.Median(values);

    internal sealed record Round(double Qps, double CpuQps, double P50Ms, double P99Ms, int Count);
}
