using System.Diagnostics;
using System.Net.Http.Headers;
using EduCloud.Bench.Dataset;
using EduCloud.Bench.Import;
using EduCloud.Bench.Load;
using EduCloud.Monitoring.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EduCloud.Bench.Monitoring;

/// <summary>
/// The monitoring dashboard's p99 THROUGH HTTP: the real server (EduCloud.Server, Release, Production) on its own
/// PostgreSQL database holding N schools' approved returns (the generator of `monitoring-national`), bearer tokens of
/// bureau administrators at each level from the real password grant, and the bench's own HTTP clients; side by side in
/// the same run with the same node sequence answered by a plain SQL GROUP BY on a flattened copy of the same returns
/// in the same database. The database is built once (cached): a fresh database migrated by the server's own `migrate`,
/// the administrators made by its `create-admin`, the returns bulk-loaded with binary COPY into monitoring.mon_return.
/// It never touches the shared bench databases. The server CPU per request comes from /proc.
/// dotnet run -c Release --no-build --project bench/EduCloud.Bench -- monitoring-http [--schools 50000] [--clients 8] [--seconds 10]
/// </summary>
internal static class MeasureDashboardHttp
{
    private const string Password = "Bench-2026-monitor";
    private static readonly (string User, string Role, string? Region, string Node)[] Admins =
    [
        ("bench_mon_national", "NationalAdmin", null, "national"),
        ("bench_mon_province", "ProvinceAdmin", "110000", "110000"),
        ("bench_mon_city", "CityAdmin", "110100", "110100"),
        ("bench_mon_county", "CountyAdmin", "110101", "110101"),
    ];

    public static async Task<string> RunAsync(BenchOptions o, int schools, int clients, double seconds)
    {
        var database = $"educloud_bench_monitoring_http_{schools}";
        var spec = new DatasetSpec("Postgres", schools, 0, Path.Combine(o.DataRoot, $"monitoring-http-{schools}"), $"{o.PostgresServer};Database={database}");
        if (!File.Exists(spec.CompleteMarker))
        {
            await BuildAsync(o, spec, database, schools);
        }
        // The administrators' password, hashed as the dataset generator hashes its county administrators' (the CLI's
        // --password did not give a working sign-in in this run; the accounts and role assignments are the CLI's own).
        var hash = new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), Password);
        await ExecuteAsync(spec.ConnectionString, $"UPDATE identity.idn_account SET \"PasswordHash\" = '{hash}', \"MustChangePassword\" = false WHERE \"UserName\" LIKE 'bench_mon_%'");
        var size = await ScalarAsync(o.PostgresServer + ";Database=postgres", $"SELECT pg_size_pretty(pg_database_size('{database}'))");

        await using var server = ServerProcess.Start(o, spec, $"server-monitoring-http-{schools}");
        await server.WaitFor200Async("/health", TimeSpan.FromMinutes(5));
        var tokens = new string[Admins.Length];
        for (var i = 0; i < Admins.Length; i++)
        {
            tokens[i] = await server.TokenAsync(Admins[i].User, Password);
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        async Task<int> GetAsync(int level)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/monitoring/dashboard?indicator=bandwidthPerClass&node={Admins[level].Node}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[level]);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"dashboard {Admins[level].Node}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }
            return body.Length;
        }
        // The first read loads every approved return into the in-memory board (as after a server start).
        var first = Stopwatch.StartNew();
        await GetAsync(0);
        var firstMs = first.Elapsed.TotalMilliseconds;
        for (var level = 0; level < Admins.Length; level++)
        {
            await GetAsync(level);
        }

        var meter = await CpuMeter.StartAsync(o.PostgresServer + ";Database=postgres", database, server.Pid);
        var viaHttp = await LoadAsync(clients, seconds, GetAsync);
        var (serverCpu, databaseCpu) = await meter.StopAsync();

        await using var source = NpgsqlDataSource.Create(spec.ConnectionString + $";Maximum Pool Size={clients + 2}");
        var sqlMeter = await CpuMeter.StartAsync(o.PostgresServer + ";Database=postgres", database);
        var viaSql = await LoadAsync(clients, seconds, async level =>
        {
            await using var command = source.CreateCommand(SqlFor(Admins[level].Node));
            command.Parameters.Add(new NpgsqlParameter { Value = Admins[level].Node });
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }
            return rows;
        });
        var (_, sqlDatabaseCpu) = await sqlMeter.StopAsync();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return string.Join('\n',
            $"Monitoring dashboard through HTTP: {schools:N0} schools' approved returns in PostgreSQL database {database} ({size}); {clients} clients × {seconds} s per phase; load average {load} at the end",
            "",
            "| What | Median ms | p99 ms | req/s | Other |",
            "|---|---|---|---|---|",
            $"| First dashboard read after start (loads the board from the returns) | {firstMs:N0} | — | — | — |",
            $"| GET /api/v1/monitoring/dashboard with a bearer token, server in memory | {viaHttp.Median:F2} | {viaHttp.P99:F2} | {viaHttp.Count / seconds:N0} | server CPU {serverCpu:F1} s + PostgreSQL {databaseCpu:F1} s: {viaHttp.Count / Math.Max(0.001, serverCpu + databaseCpu):N0} req per CPU-s |",
            $"| Same nodes as SQL GROUP BY on PostgreSQL (no HTTP) | {viaSql.Median:F2} | {viaSql.P99:F2} | {viaSql.Count / seconds:N0} | PostgreSQL CPU {sqlDatabaseCpu:F1} s: {viaSql.Count / Math.Max(0.001, sqlDatabaseCpu):N0} req per CPU-s of the database |",
            "",
            "Levels drawn uniformly: the national administrator reads the nation, the province (110000), city (110100) and county (110101) administrators their own node; the county answer lists its schools.");
    }

    private static string SqlFor(string node)
    {
        const string figures = "count(*), count(*) FILTER (WHERE bandwidth / classes >= CASE category WHEN 'Rural' THEN 5 ELSE 10 END), avg(bandwidth / classes)";
        return node switch
        {
            "national" => $"SELECT province, {figures} FROM school_return WHERE $1 = $1 GROUP BY province",
            _ when node.EndsWith("0000", StringComparison.Ordinal) => $"SELECT city, {figures} FROM school_return WHERE province = $1 GROUP BY city",
            _ when node.EndsWith("00", StringComparison.Ordinal) => $"SELECT county, {figures} FROM school_return WHERE city = $1 GROUP BY county",
            _ => "SELECT name, category, bandwidth / classes AS v, bandwidth / classes >= CASE category WHEN 'Rural' THEN 5 ELSE 10 END AS met " +
                 "FROM school_return WHERE county = $1 ORDER BY met, name",
        };
    }

    private sealed record Latencies(int Count, double Median, double P99);

    private static async Task<Latencies> LoadAsync(int clients, double seconds, Func<int, Task<int>> request)
    {
        var until = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var times = new List<double>();
            while (until.Elapsed.TotalSeconds < seconds)
            {
                var level = random.Next(Admins.Length);
                var start = Stopwatch.GetTimestamp();
                await request(level);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return times;
        })));
        var sorted = all.SelectMany(t => t).Order().ToList();
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return new Latencies(sorted.Count, At(0.5), At(0.99));
    }

    /// <summary>A fresh database: the server's migrate and create-admin, then the returns by binary COPY and a flat copy for SQL.</summary>
    private static async Task BuildAsync(BenchOptions o, DatasetSpec spec, string database, int schools)
    {
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(o.PostgresServer + ";Database=postgres", $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database}");
        Directory.CreateDirectory(spec.DataDirectory);
        await CliAsync(o, spec, "migrate");
        var serial = 0;
        foreach (var (user, role, region, _) in Admins)
        {
            var args = new List<string> { "create-admin", "--user", user, "--name", "监测压测", "--role", role, "--password", Password, "--citizen-id", CitizenId(++serial) };
            if (region is not null)
            {
                args.AddRange(["--region", region]);
            }
            await CliAsync(o, spec, [.. args]);
        }
        await ExecuteAsync(spec.ConnectionString, "UPDATE identity.idn_account SET \"MustChangePassword\" = false WHERE \"UserName\" LIKE 'bench_mon_%'");

        var random = new Random(2026);
        await using (var connection = new NpgsqlConnection(spec.ConnectionString))
        {
            await connection.OpenAsync();
            await using var copy = await connection.BeginBinaryImportAsync("COPY monitoring.mon_return (\"Id\", \"SchoolId\", \"SchoolName\", \"Year\", \"Version\", \"IsCurrent\", " +
                "\"Status\", \"Category\", \"ValuesJson\", \"NotesJson\", \"CreatedAt\", \"SubmittedAt\", \"ApprovedAt\", \"Revision\", \"ProvinceCode\", \"CityCode\", \"CountyCode\") FROM STDIN (FORMAT BINARY)");
            var now = DateTime.UtcNow;
            for (var i = 0; i < schools; i++)
            {
                var r = MeasureIndicatorRollup.Return(i, random);
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.School, NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.SchoolName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Year, NpgsqlDbType.Integer);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync((int)ReturnStatus.Approved, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.Category, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.ValuesJson, NpgsqlDbType.Text);
                await copy.WriteAsync("{}", NpgsqlDbType.Text);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.ProvinceCode, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.CityCode, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.CountyCode, NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
        }
        await ExecuteAsync(spec.ConnectionString,
            "CREATE TABLE school_return AS SELECT \"SchoolId\" AS school_id, \"SchoolName\" AS name, \"ProvinceCode\" AS province, \"CityCode\" AS city, " +
            "\"CountyCode\" AS county, \"Category\" AS category, (\"ValuesJson\"::jsonb->>'classes')::double precision AS classes, " +
            "(\"ValuesJson\"::jsonb->>'exportBandwidthMbps')::double precision AS bandwidth FROM monitoring.mon_return",
            "CREATE INDEX school_return_province ON school_return (province)", "CREATE INDEX school_return_city ON school_return (city)",
            "CREATE INDEX school_return_county ON school_return (county)", "ANALYZE");
        await File.WriteAllTextAsync(spec.CompleteMarker, $"{schools} returns, built in {watch.Elapsed.TotalSeconds:F0} s\n");
        Console.WriteLine($"[monitoring-http] database {database} built in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>A valid GB 11643 number (made-up person, born 1980-01-01 in 东城区) with its check digit.</summary>
    private static string CitizenId(int serial)
    {
        var body = $"11010119800101{serial:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>The server's own CLI on the bench database (as an operator runs it).</summary>
    private static async Task CliAsync(BenchOptions o, DatasetSpec spec, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(o.ServerDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(o.ServerDll);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment["DOTNET_ENVIRONMENT"] = psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in spec.Configuration())
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"server {args[0]} failed ({process.ExitCode}): {await output} {error}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "?";
    }
}
