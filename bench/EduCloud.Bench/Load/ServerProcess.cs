using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Bench.Dataset;

namespace EduCloud.Bench.Load;

/// <summary>
/// The real server, as an operator runs it: `dotnet EduCloud.Server.dll --urls ...` in Production, with the
/// dataset chosen by the same configuration keys (as environment variables). Its output goes to a log file.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public string BaseUrl { get; }
    public Stopwatch SinceStart { get; }
    public int Pid => _process.Id;

    private ServerProcess(Process process, StreamWriter log, string baseUrl, Stopwatch sinceStart)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
        SinceStart = sinceStart;
    }

    public static ServerProcess Start(BenchOptions o, DatasetSpec spec, string logName, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(o.ServerDll))
        {
            throw new InvalidOperationException($"{o.ServerDll} is missing: run `dotnet build -c Release src/EduCloud.Server` first");
        }
        var baseUrl = $"http://127.0.0.1:{o.Port}";
        // The output folder holds appsettings.json, so the server reads the product's own logging levels.
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(o.ServerDll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(o.ServerDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseUrl);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in spec.Configuration().Concat(settings?.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)) ?? []))
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        Directory.CreateDirectory(o.ResultsRoot);
        var log = new StreamWriter(Path.Combine(o.ResultsRoot, logName + ".log")) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, baseUrl, clock);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Polls until the path answers 200; bounded by the timeout. A 404 means the build lacks the page.</summary>
    public async Task<TimeSpan> WaitFor200Async(string path, TimeSpan timeout)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = timeout };
        while (SinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {_process.ExitCode}; see bench/results/*.log");
            }
            try
            {
                using var response = await http.GetAsync(BaseUrl + path);
                if ((int)response.StatusCode == 200)
                {
                    return SinceStart.Elapsed;
                }
                if ((int)response.StatusCode == 404)
                {
                    throw new InvalidOperationException($"{path} answered 404: this build does not serve that page (pass --page)");
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (SinceStart.Elapsed >= timeout)
            {
                break;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"{path} did not answer 200 within {timeout}");
    }

    /// <summary>A county administrator's bearer token through the real password grant of the first-party CLI client.</summary>
    public async Task<string> TokenAsync(string userName, string password)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(BaseUrl + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "educloud-cli",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "api",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || !body.TryGetProperty("access_token", out var token))
        {
            throw new InvalidOperationException($"token request failed: {(int)response.StatusCode} {body}");
        }
        return token.GetString()!;
    }

    /// <summary>Resident set size from /proc (VmRSS), in MiB.</summary>
    public double ResidentMiB() => StatusMiB("VmRSS:");

    /// <summary>Peak resident set size since start from /proc (VmHWM), in MiB.</summary>
    public double PeakResidentMiB() => StatusMiB("VmHWM:");

    private double StatusMiB(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
