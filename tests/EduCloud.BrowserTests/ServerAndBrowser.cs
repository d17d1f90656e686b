using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace EduCloud.BrowserTests;

/// <summary>
/// The real server, started as a child process (`dotnet EduCloud.Server.dll`) on a free port with a fresh SQLite
/// database in a temp folder and the demo data seeded, and one headless Debian Chromium shared by all tests.
/// Playwright never downloads a browser: the executable is /usr/bin/chromium (or EDUCLOUD_CHROMIUM).
/// </summary>
public sealed class ServerAndBrowser : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "educloud-browser", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _serverLog = new();
    private Process? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot, "tests", "EduCloud.BrowserTests", "screenshots");

    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(_dataDirectory);
        Directory.CreateDirectory(Screenshots);
        await StartServerAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EDUCLOUD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private async Task StartServerAsync()
    {
        var serverDll = FindServerDll();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { serverDll, "--urls", BaseUrl })
        {
            start.ArgumentList.Add(arg);
        }
        // Development serves the static web assets from the build output; the demo data is seeded at start.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DataDirectory"] = _dataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "educloud.db")}";
        start.Environment["Demo__SeedOnStart"] = "true";
        start.Environment.Remove("EDUCLOUD_TEST_POSTGRES");
        _server = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _server.OutputDataReceived += (_, e) => Append(e.Data);
        _server.ErrorDataReceived += (_, e) => Append(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        // The first request builds every module's EF model and the token keys: seconds on a quiet machine, over a minute
        // on a shared one (a 5 s client timeout once cancelled every try while the server was up). Seeding the demo
        // province takes minutes under load.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_server.ExitCode}:\n{ServerLog}");
            }
            try
            {
                var status = (await http.GetAsync(BaseUrl + "/health")).StatusCode;
                if (status == HttpStatusCode.OK)
                {
                    return;
                }
                last = "HTTP " + (int)status;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy seeding
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"/health did not answer 200 within 10 minutes (last: {last}):\n{ServerLog}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_serverLog)
        {
            if (_serverLog.Length < 200_000)
            {
                _serverLog.AppendLine(line);
            }
        }
    }

    /// <summary>A fresh page in its own context (own cookies), optionally at phone size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        // Short: a missing element fails fast instead of holding the suite for the default 30 s.
        context.SetDefaultTimeout(8_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduCloud.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("EduCloud.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The server's own build output, in the same configuration as these tests (bin/Debug/net10.0).</summary>
    private static string FindServerDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, "src", "EduCloud.Server", "bin", configuration, framework, "EduCloud.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the server first", dll);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ServerAndBrowser>
{
    public const string Name = "browser";
}
