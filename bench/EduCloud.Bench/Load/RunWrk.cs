using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EduCloud.Bench.Load;

internal sealed record WrkResult(double Rps, double P50Ms, double P99Ms, long Requests, long Non2xx, long SocketErrors)
{
    /// <summary>CPU seconds the server process (and, on PostgreSQL, its backends) spent during the run; NaN when not measured.</summary>
    public double CpuSeconds { get; init; } = double.NaN;

    /// <summary>Requests per CPU-second of server + database: what one fully used core serves, whatever else the machine runs.</summary>
    public double RequestsPerCpuSecond => Requests / CpuSeconds;
}

/// <summary>Runs wrk (Debian package `wrk`) for a fixed duration and parses its --latency report.</summary>
internal static partial class RunWrk
{
    public static async Task<WrkResult> RunAsync(BenchOptions o, string url, string? token, int seconds)
    {
        var psi = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", o.Threads.ToString(CultureInfo.InvariantCulture), "-c", o.Connections.ToString(CultureInfo.InvariantCulture), "-d", seconds + "s", "--latency", "--timeout", "5s" })
        {
            psi.ArgumentList.Add(arg);
        }
        if (token is not null)
        {
            psi.ArgumentList.Add("-H");
            psi.ArgumentList.Add("Authorization: Bearer " + token);
        }
        psi.ArgumentList.Add(url);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("wrk not found: apt-get install wrk");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        await process.WaitForExitAsync(limit.Token);
        var text = await output + await error;
        return Parse(text);
    }

    public static WrkResult Parse(string text)
    {
        double Latency(string pct)
        {
            var m = Regex.Match(text, $@"^\s*{pct}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success)
            {
                throw new InvalidOperationException("unexpected wrk output:\n" + text);
            }
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }
        var rps = double.Parse(RpsLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(RequestsLine().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xxLine().Match(text) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketLine().Match(text) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(rps, Latency("50"), Latency("99"), requests, non2xx, socket);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketLine();
}
