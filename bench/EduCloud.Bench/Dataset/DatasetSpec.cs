namespace EduCloud.Bench.Dataset;

/// <summary>Where one generated dataset lives, and the configuration keys the server reads to use it.</summary>
internal sealed record DatasetSpec(string Provider, int Schools, int Accounts, string DataDirectory, string ConnectionString)
{
    public const string AdminPassword = "Bench-2026-county";

    public bool IsPostgres => Provider == "Postgres";
    public string Label => IsPostgres ? "PostgreSQL" : "SQLite";
    public string CompleteMarker => Path.Combine(DataDirectory, "dataset.complete");

    public static string AdminUserName(string county) => "bench_admin_" + county;

    public static DatasetSpec For(BenchOptions o, bool postgres)
    {
        var size = $"{o.Schools}s-{o.Accounts}a";
        if (postgres)
        {
            var directory = Path.Combine(o.DataRoot, "postgres-" + size);
            return new DatasetSpec("Postgres", o.Schools, o.Accounts, directory, $"{o.PostgresServer};Database={DatabaseName(o)}");
        }
        var sqliteDirectory = Path.Combine(o.DataRoot, "sqlite-" + size);
        return new DatasetSpec("Sqlite", o.Schools, o.Accounts, sqliteDirectory, $"Data Source={Path.Combine(sqliteDirectory, "educloud.db")}");
    }

    public static string DatabaseName(BenchOptions o) => $"educloud_bench_{o.Schools}_{o.Accounts}";

    /// <summary>The same configuration keys the server binds (appsettings / environment), as key-value pairs.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
        ["DataDirectory"] = DataDirectory,
    };
}
