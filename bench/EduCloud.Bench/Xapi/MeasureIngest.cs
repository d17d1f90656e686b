using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Bench.Dataset;
using EduCloud.Bench.Import;
using EduCloud.Bench.Load;
using EduCloud.Records.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Bench.Xapi;

/// <summary>
/// Statement ingest through the real server (HTTP Basic with an LRS client the demo teacher issues through the API):
/// batches POSTed by a few concurrent clients, single-statement POSTs by many, and beside them in the same run a
/// raw single-row INSERT loop of the same rows straight into the database (no HTTP, no validation, no links).
/// </summary>
internal static class MeasureIngest
{
    /// <summary>
    /// ProcessCpu: the server's (or for the raw loop the bench's) CPU-seconds; DatabaseCpu: the bench database's backends';
    /// BenchCpu: the load generator's own (this process), where measured.
    /// </summary>
    public sealed record Figures(double Rate, double PerCpuSecond, double P50, double P95, double P99, int Errors, double ProcessCpu, double DatabaseCpu, double BenchCpu = 0);

    public sealed record Client(HttpClient Http, string Key);

    public static async Task<Client> IssueClientAsync(ServerProcess server)
    {
        var token = await server.TokenAsync("teacher", "Demo2026");
        using var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.PostAsJsonAsync("/api/v1/records/clients", new { name = "xAPI ingest bench" });
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"issuing an LRS client failed: {(int)response.StatusCode} {issued}");
        }
        var key = issued.GetProperty("key").GetString()!;
        var secret = issued.GetProperty("secret").GetString()!;
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(server.BaseUrl),
            Timeout = TimeSpan.FromSeconds(120),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret)));
        http.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        return new Client(http, key);
    }

    private static long _next = 1_000_000_000;

    /// <summary>The next statement number, distinct across every part of the bench.</summary>
    internal static long NextNumber() => Interlocked.Increment(ref _next);

    /// <summary><paramref name="total"/> statements in POSTs of <paramref name="batch"/> by <paramref name="clients"/> concurrent posters.</summary>
    public static async Task<Figures> BatchesAsync(BenchOptions o, DatasetSpec spec, ServerProcess server, Client client, int total, int batch, int clients)
    {
        // UTF-8 before the clock: encoding a 1 MB body per request inside the timed loop was the load generator's work.
        var bodies = new Queue<byte[]>();
        for (var b = 0; b < total / batch; b++)
        {
            var array = new JsonArray();
            for (var k = 0; k < batch; k++)
            {
                array.Add(StatementFactory.Build(Interlocked.Increment(ref _next)));
            }
            bodies.Enqueue(Encoding.UTF8.GetBytes(array.ToJsonString()));
        }
        var latencies = new Latencies();
        var errors = 0;
        var meter = await CpuMeter.StartAsync(spec.IsPostgres ? o.PostgresServer : null, spec.IsPostgres ? DemoDataset.DatabaseName(spec) : null, server.Pid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (true)
            {
                byte[] body;
                lock (bodies)
                {
                    if (!bodies.TryDequeue(out body!)) { return; }
                }
                if (!await PostAsync(client.Http, body, latencies)) { Interlocked.Increment(ref errors); }
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var (serverCpu, dbCpu) = await meter.StopAsync();
        return new Figures(total / wall, total / (serverCpu + dbCpu), latencies.P(50), latencies.P(95), latencies.P(99), errors, serverCpu, dbCpu);
    }

    /// <summary>
    /// Single-statement POSTs by <paramref name="clients"/> concurrent clients for the duration. The bodies are built
    /// before the clock, as for the batches (the load generator shares the server's two cores: building a statement
    /// per request inside the timed loop was the bench's work, not the server's). They carry no id, so the LRS stores
    /// each POST as a new statement and a body can be sent again: the clients cycle through <see cref="SingleBodies"/>.
    /// BenchCpu is this process's own CPU over the run (the load generator's share of the machine).
    /// </summary>
    /// <param name="givenIds">Each POST carries a fresh id of the client's choosing, as xAPI client libraries send them.</param>
    public static async Task<Figures> SinglesAsync(BenchOptions o, DatasetSpec spec, ServerProcess server, Client client, int clients, TimeSpan duration, bool givenIds = false)
    {
        var bodies = Enumerable.Range(0, SingleBodies).Select(_ => Encoding.UTF8.GetBytes(StatementFactory.Build(Interlocked.Increment(ref _next), givenIds ? Guid.Empty : null).ToJsonString())).ToArray();
        var latencies = new Latencies();
        var errors = 0;
        var sent = -1;
        var meter = await CpuMeter.StartAsync(spec.IsPostgres ? o.PostgresServer : null, spec.IsPostgres ? DemoDataset.DatabaseName(spec) : null, server.Pid);
        var bench = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var body = bodies[(int)((uint)Interlocked.Increment(ref sent) % (uint)bodies.Length)];
                if (givenIds) { body = WithFreshId(body); }
                if (!await PostAsync(client.Http, body, latencies)) { Interlocked.Increment(ref errors); }
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var benchCpu = (Process.GetCurrentProcess().TotalProcessorTime - bench).TotalSeconds;
        var (serverCpu, dbCpu) = await meter.StopAsync();
        return new Figures(latencies.Count / wall, latencies.Count / (serverCpu + dbCpu), latencies.P(50), latencies.P(95), latencies.P(99), errors, serverCpu, dbCpu, benchCpu);
    }

    private static readonly byte[] EmptyId = Encoding.UTF8.GetBytes(Guid.Empty.ToString());

    /// <summary>A copy of a body built with the empty id, carrying a new random id instead.</summary>
    private static byte[] WithFreshId(byte[] body)
    {
        var copy = (byte[])body.Clone();
        var at = copy.AsSpan().IndexOf(EmptyId);
        Guid.NewGuid().TryFormat(copy.AsSpan(at, EmptyId.Length), out _);
        return copy;
    }

    /// <summary>Distinct single-statement bodies built before the clock (about 25 MB of UTF-8).</summary>
    private const int SingleBodies = 50_000;

    private static async Task<bool> PostAsync(HttpClient http, byte[] body, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync("/xapi/statements", content);
        await response.Content.ReadAsByteArrayAsync();
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response.IsSuccessStatusCode;
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// The baseline: the same rows (statement JSON with id, stored, authority; the same columns) inserted one row per
    /// statement, autocommit, by <paramref name="clients"/> connections (PostgreSQL) or one (SQLite: one writer).
    /// </summary>
    public static async Task<Figures> RawInsertLoopAsync(BenchOptions o, DatasetSpec spec, StatementStore.Template template, int clients, TimeSpan duration)
    {
        var table = StatementStore.Statements;
        var latencies = new Latencies();
        var meter = await CpuMeter.StartAsync(spec.IsPostgres ? o.PostgresServer : null, spec.IsPostgres ? DemoDataset.DatabaseName(spec) : null);
        var clock = Stopwatch.StartNew();
        var workers = spec.IsPostgres ? clients : 1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            if (spec.IsPostgres)
            {
                await using var c = new NpgsqlConnection(spec.ConnectionString);
                await c.OpenAsync();
                await using var cmd = new NpgsqlCommand($"INSERT INTO {table.PostgresName} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$" + (i + 1)))})", c);
                var ps = table.Columns.Select(col => new NpgsqlParameter { NpgsqlDbType = col.Type }).ToArray();
                cmd.Parameters.AddRange(ps);
                await cmd.PrepareAsync();
                while (clock.Elapsed < duration)
                {
                    var row = RawRow(template);
                    for (var i = 0; i < ps.Length; i++) { ps[i].Value = row[i] ?? DBNull.Value; }
                    var started = Stopwatch.GetTimestamp();
                    await cmd.ExecuteNonQueryAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            else
            {
                await using var c = new SqliteConnection(spec.ConnectionString);
                await c.OpenAsync();
                await using (var pragma = c.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA busy_timeout=5000;";
                    await pragma.ExecuteNonQueryAsync();
                }
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"INSERT INTO \"{table.SqliteName}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
                var ps = table.Columns.Select((_, i) => cmd.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
                cmd.Prepare();
                while (clock.Elapsed < duration)
                {
                    var row = RawRow(template);
                    for (var i = 0; i < ps.Length; i++)
                    {
                        ps[i].Value = row[i] switch { null => DBNull.Value, Guid g => g.ToString().ToUpperInvariant(), bool b => b ? 1 : 0, var v => v };
                    }
                    var started = Stopwatch.GetTimestamp();
                    await cmd.ExecuteNonQueryAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })));
        var wall = clock.Elapsed.TotalSeconds;
        var (processCpu, dbCpu) = await meter.StopAsync();
        if (spec.IsPostgres)
        {
            // Close the loop's pooled connections now: left idle they count against the cluster's max_connections, and
            // with 64 clients the next run's server met "53300: too many clients".
            NpgsqlConnection.ClearPool(new NpgsqlConnection(spec.ConnectionString));
        }
        return new Figures(latencies.Count / wall, latencies.Count / (processCpu + dbCpu), latencies.P(50), latencies.P(95), latencies.P(99), 0, processCpu, dbCpu);
    }

    private static object?[] RawRow(StatementStore.Template template) =>
        StatementStore.Build(Interlocked.Increment(ref _next), template, Grammar.Micros(DateTimeOffset.UtcNow)).Row;
}
