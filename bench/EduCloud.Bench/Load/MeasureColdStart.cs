using EduCloud.Bench.Dataset;

namespace EduCloud.Bench.Load;

/// <summary>
/// Cold start: from process start to the first 200 of a served page (default /signin), several times; and the
/// resident memory after 10 s idle with nothing but that one page served.
/// </summary>
internal static class MeasureColdStart
{
    public static async Task<BenchResult> RunAsync(BenchOptions o, DatasetSpec spec)
    {
        var result = new BenchResult(spec.Label, "coldstart", spec.Schools, spec.Accounts) { Page = o.Page };
        for (var i = 1; i <= o.ColdStarts; i++)
        {
            await using var server = ServerProcess.Start(o, spec, $"server-{spec.Provider.ToLowerInvariant()}-cold-{i}");
            var first = await server.WaitFor200Async(o.Page, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(10));
            var rss = server.ResidentMiB();
            result.ColdStartMs.Add(first.TotalMilliseconds);
            result.IdleRssMiB.Add(rss);
            Console.WriteLine($"[{spec.Label}] cold start {i}: first 200 of {o.Page} after {first.TotalMilliseconds:F0} ms, idle RSS {rss:F0} MiB");
        }
        return result;
    }
}
