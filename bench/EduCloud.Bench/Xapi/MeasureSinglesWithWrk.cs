using System.Diagnostics;
using System.Globalization;
using System.Text;
using EduCloud.Bench.Dataset;
using EduCloud.Bench.Import;
using EduCloud.Bench.Load;

namespace EduCloud.Bench.Xapi;

/// <summary>
/// Single-statement POSTs with wrk (Debian `wrk`, one thread) as the load generator instead of the bench's HttpClient.
/// On these 2 cores the load generator shares the CPU with the server and PostgreSQL: the HttpClient one costs ≈ 40 µs
/// per POST, a fifth of what the server and database spend together, while the raw insert loop it is compared with has
/// no load generator at all (its client is the work being measured). wrk cycles through the same kind of prebuilt
/// bodies (no ids, so each POST stores a new statement) from a Lua script. Its CPU is measured by the shell that runs
/// it (`times`), and reported in BenchCpu.
/// </summary>
internal static class MeasureSinglesWithWrk
{
    private const int Bodies = 10_000;

    private const string Script = """
        local bodies = {}
        local n = 0
        init = function(args)
          for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
        end
        request = function()
          n = n % #bodies + 1
          return wrk.format("POST", "/xapi/statements", nil, bodies[n])
        end
        done = function(summary, latency, requests)
          io.write(string.format("bench-p95-us %d\nbench-errors %d\n", latency:percentile(95),
            summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
        end
        """;

    public static async Task<MeasureIngest.Figures> RunAsync(BenchOptions o, DatasetSpec spec, ServerProcess server, MeasureIngest.Client client, int connections, TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("xapi-wrk-");
        try
        {
            var bodies = Path.Combine(folder.FullName, "bodies.jsonl");
            await File.WriteAllLinesAsync(bodies, Enumerable.Range(0, Bodies).Select(_ => StatementFactory.Build(MeasureIngest.NextNumber()).ToJsonString()));
            var script = Path.Combine(folder.FullName, "post.lua");
            var authorization = client.Http.DefaultRequestHeaders.Authorization!.ToString();
            await File.WriteAllTextAsync(script, $"""
                wrk.headers["Authorization"] = "{authorization}"
                wrk.headers["Content-Type"] = "application/json; charset=utf-8"
                wrk.headers["X-Experience-API-Version"] = "1.0.3"
                {Script}
                """);
            var seconds = (int)Math.Ceiling(duration.TotalSeconds);
            var command = $"wrk -t 1 -c {connections} -d {seconds}s --timeout 10s --latency -s '{script}' '{server.BaseUrl}' -- '{bodies}'; times";
            var meter = await CpuMeter.StartAsync(spec.IsPostgres ? o.PostgresServer : null, spec.IsPostgres ? DemoDataset.DatabaseName(spec) : null, server.Pid);
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(command);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("bash not found");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var (serverCpu, dbCpu) = await meter.StopAsync();
            var text = await output + await error;
            var wrk = RunWrk.Parse(text);
            var p95 = Number(text, "bench-p95-us") / 1000;
            var errors = (int)(Number(text, "bench-errors") + wrk.Non2xx);
            return new MeasureIngest.Figures(wrk.Rps, wrk.Requests / (serverCpu + dbCpu), wrk.P50Ms, p95, wrk.P99Ms, errors, serverCpu, dbCpu, ChildCpu(text));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static double Number(string text, string name)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no {name}:\n{text}");
        return double.Parse(line[(name.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The second line of bash's `times`: user and system time of its children (wrk), e.g. "0m1.234s 0m0.567s".</summary>
    private static double ChildCpu(string text)
    {
        var lines = text.Split('\n').Where(l => l.Length > 0 && l.Contains('m') && l.EndsWith('s') && l.Split(' ').Length == 2).ToList();
        if (lines.Count < 2) { return double.NaN; }
        return lines[^1].Split(' ').Sum(part =>
        {
            var m = part.IndexOf('m', StringComparison.Ordinal);
            return double.Parse(part[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(part[(m + 1)..^1], CultureInfo.InvariantCulture);
        });
    }
}
