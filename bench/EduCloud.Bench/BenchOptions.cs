using System.Globalization;

namespace EduCloud.Bench;

/// <summary>Command-line options. Every loop in the bench is bounded by these (durations, run counts, timeouts).</summary>
internal sealed record BenchOptions
{
    public string Command { get; init; } = "all";
    public int Schools { get; init; } = 500_000;
    public int Accounts { get; init; } = 5_000_000;
    /// <summary>Students generated for the rollup command.</summary>
    public int Students { get; init; } = 10_000_000;
    /// <summary>sqlite, postgres or both.</summary>
    public string Databases { get; init; } = "both";
    public int Connections { get; init; } = 16;
    public int Threads { get; init; } = 2;
    public int DurationSeconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 5;
    /// <summary>xapi: the server's own pool size on PostgreSQL (0: as --postgres). The raw loop's 64 connections and a
    /// server pool of the same size exceeded the cluster's 100 connections.</summary>
    public int ServerPool { get; init; }
    public int Runs { get; init; } = 5;
    public int ColdStarts { get; init; } = 5;
    public string County { get; init; } = "520102";
    public string Page { get; init; } = "/signin";
    public int Port { get; init; } = 5781;
    public int BarePort { get; init; } = 5782;
    public bool Regenerate { get; init; }
    public string PostgresServer { get; init; } = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";
    public string RepoRoot { get; init; } = FindRepoRoot();

    /// <summary>--data-root: another folder for cached datasets (own copies of the shared ones, e.g. to migrate them).</summary>
    public string? DataRootOverride { get; init; }
    /// <summary>--dataset-suffix: appended to the demo datasets' folder and database names (xapi, exam), for own copies.</summary>
    public string DatasetSuffix { get; init; } = "";
    public string DataRoot => DataRootOverride ?? Path.Combine(RepoRoot, "bench", "data");
    public string ResultsRoot => Path.Combine(RepoRoot, "bench", "results");
    /// <summary>--server-dll: another build of the server (e.g. main's, for an A/B with the same bench).</summary>
    public string? ServerDllOverride { get; init; }
    public string ServerDll => ServerDllOverride ?? Path.Combine(RepoRoot, "src", "EduCloud.Server", "bin", "Release", "net10.0", "EduCloud.Server.dll");
    public bool WantsSqlite => Databases is "both" or "sqlite";
    public bool WantsPostgres => Databases is "both" or "postgres";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            o = o with { Command = args[0] };
            i = 1;
        }
        for (; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[i + 1] : "";
            if (name == "--regenerate")
            {
                o = o with { Regenerate = true };
                continue;
            }
            i++;
            o = name switch
            {
                "--schools" => o with { Schools = Int(value) },
                "--accounts" => o with { Accounts = Int(value) },
                "--students" => o with { Students = Int(value) },
                "--db" => o with { Databases = value.ToLowerInvariant() },
                "--connections" => o with { Connections = Int(value) },
                "--threads" => o with { Threads = Int(value) },
                "--duration" => o with { DurationSeconds = Int(value) },
                "--warmup" => o with { WarmupSeconds = Int(value) },
                "--runs" => o with { Runs = Int(value) },
                "--cold-starts" => o with { ColdStarts = Int(value) },
                "--county" => o with { County = value },
                "--page" => o with { Page = value },
                "--port" => o with { Port = Int(value) },
                "--data-root" => o with { DataRootOverride = Path.GetFullPath(value) },
                "--dataset-suffix" => o with { DatasetSuffix = value },
                "--bare-port" => o with { BarePort = Int(value) },
                "--postgres" => o with { PostgresServer = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return o;
    }

    private static int Int(string value) => int.Parse(value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EduCloud.slnx")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
