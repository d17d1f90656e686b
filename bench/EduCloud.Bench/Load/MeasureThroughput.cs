using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Bench.Dataset;

namespace EduCloud.Bench.Load;

/// <summary>
/// The scoped list, side by side with the bare endpoint: start the real server on the dataset, sign in as the
/// county administrator, check the answer is really scoped, capture its bytes for the bare endpoint, warm both
/// up, then alternate bare and real runs (so drift on a noisy machine hits both alike) and keep every run.
/// </summary>
internal static class MeasureThroughput
{
    public static async Task<BenchResult> RunAsync(BenchOptions o, DatasetSpec spec)
    {
        var result = new BenchResult(spec.Label, "throughput", spec.Schools, spec.Accounts);
        await using var server = ServerProcess.Start(o, spec, $"server-{spec.Provider.ToLowerInvariant()}-throughput");
        await server.WaitFor200Async("/health", TimeSpan.FromSeconds(120));
        var token = await server.TokenAsync(DatasetSpec.AdminUserName(o.County), DatasetSpec.AdminPassword);
        var path = $"/api/v1/schools?region={o.County}&page=1&size=20";
        var body = await CheckScopedAsync(server.BaseUrl, path, token, o.County, result);

        var bare = await BareServer.StartAsync(o.BarePort, body);
        try
        {
            var realUrl = server.BaseUrl + path;
            var bareUrl = $"http://127.0.0.1:{o.BarePort}{path}";
            Console.WriteLine($"[{spec.Label}] warm-up {o.WarmupSeconds} s each");
            await RunWrk.RunAsync(o, bareUrl, token, o.WarmupSeconds);
            await RunWrk.RunAsync(o, realUrl, token, o.WarmupSeconds);
            for (var run = 1; run <= o.Runs; run++)
            {
                var b = await RunWrk.RunAsync(o, bareUrl, token, o.DurationSeconds);
                var meter = await Import.CpuMeter.StartAsync(spec.IsPostgres ? o.PostgresServer : null, spec.IsPostgres ? DatasetSpec.DatabaseName(o) : null, server.Pid);
                var r = await RunWrk.RunAsync(o, realUrl, token, o.DurationSeconds);
                var (serverCpu, databaseCpu) = await meter.StopAsync();
                r = r with { CpuSeconds = serverCpu + databaseCpu };
                result.Bare.Add(b);
                result.Real.Add(r);
                Console.WriteLine($"[{spec.Label}] run {run}: bare {b.Rps:F0} rps p99 {b.P99Ms:F2} ms | real {r.Rps:F0} rps p50 {r.P50Ms:F2} p99 {r.P99Ms:F2} ms, {r.RequestsPerCpuSecond:F0} req per CPU-s, non-2xx {r.Non2xx}");
            }
            await ProbePipelineAsync(o, spec, server.BaseUrl, token, result);
        }
        finally
        {
            await bare.StopAsync();
            await bare.DisposeAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(10));
        result.RssAfterLoadMiB = server.ResidentMiB();
        return result;
    }

    /// <summary>
    /// Where the time goes, on product endpoints only: a trivial endpoint anonymously and with the bearer token
    /// (token validation, no database), then reference data (token + EF, no scope filter).
    /// </summary>
    private static async Task ProbePipelineAsync(BenchOptions o, DatasetSpec spec, string baseUrl, string token, BenchResult result)
    {
        var probes = new (string Name, string Path, bool Bearer)[]
        {
            ("GET /culture?c=en anonymous (302, no database)", "/culture?c=en", false),
            ("GET /culture?c=en with the bearer token (302, no database)", "/culture?c=en", true),
            ("GET /api/v1/regions?parent=520100 with the bearer token (EF, unscoped)", "/api/v1/regions?parent=520100", true),
        };
        foreach (var (name, path, bearer) in probes)
        {
            var r = await RunWrk.RunAsync(o, baseUrl + path, bearer ? token : null, o.DurationSeconds);
            result.Probes.Add(new Probe(name, r));
            Console.WriteLine($"[{spec.Label}] probe {name}: {r.Rps:F0} rps p50 {r.P50Ms:F2} p99 {r.P99Ms:F2} ms");
        }
    }

    /// <summary>The county's first page must be non-empty, and another county's must be empty: the scope filter is on.</summary>
    private static async Task<byte[]> CheckScopedAsync(string baseUrl, string path, string token, string county, BenchResult result)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await http.GetByteArrayAsync(path);
        using var page = JsonDocument.Parse(body);
        result.CountyTotal = page.RootElement.GetProperty("total").GetInt32();
        var items = page.RootElement.GetProperty("items").GetArrayLength();
        if (result.CountyTotal == 0 || items == 0 || page.RootElement.GetProperty("items")[0].GetProperty("regionCode").GetString() != county)
        {
            throw new InvalidOperationException($"scoped list returned no schools of {county}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
        var other = await http.GetFromJsonAsync<JsonElement>("/api/v1/schools?page=1&size=20&region=520103");
        if (other.GetProperty("total").GetInt32() != 0)
        {
            throw new InvalidOperationException("a county administrator sees another county's schools: the scope filter is off");
        }
        result.BodyBytes = body.Length;
        return body;
    }
}
