using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using EduCloud.Bench.Dataset;
using EduCloud.Records.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace EduCloud.Bench.Xapi;

/// <summary>
/// Fills the LRS tables to a given size with the bulk loaders (binary COPY on PostgreSQL, one prepared INSERT per
/// 50,000-row transaction on SQLite; secondary indexes dropped and recreated from their own DDL). Each row is
/// what the server itself would store: the statement JSON with id, stored, authority and version, the submitted
/// hash, and the agent/activity links, computed by the LRS's own StatementShape. The place, writer and
/// authority are copied from a statement the real server stored for the bench client, so the client's queries see
/// the bulk rows exactly as its own. Stored times spread over the year before the first load.
/// </summary>
internal static class StatementStore
{
    private const NpgsqlDbType Text = NpgsqlDbType.Varchar;
    private const NpgsqlDbType Uuid = NpgsqlDbType.Uuid;
    private const NpgsqlDbType Bool = NpgsqlDbType.Boolean;
    private const NpgsqlDbType Long = NpgsqlDbType.Bigint;

    public static readonly BulkTable Statements = new("rec_statement", "records", "rec_statement",
    [
        ("Id", Uuid), ("Stored", Long), ("VerbId", Text), ("VerbHash", NpgsqlDbType.Integer), ("ActorKey", Text), ("ActivityId", Text), ("Registration", Uuid), ("TargetId", Uuid),
        ("IsVoiding", Bool), ("Voided", Bool), ("SubmittedHash", Text), ("Json", NpgsqlDbType.Text), ("WrittenBy", Uuid),
        ("ProvinceCode", Text), ("CityCode", Text), ("CountyCode", Text), ("SchoolId", Uuid), ("ClassId", Uuid), ("PersonId", Uuid),
    ]);

    public static readonly BulkTable Links = new("rec_statement_link", "records", "rec_statement_link",
        [("StatementId", Uuid), ("KeyHash", Long), ("Primary", Bool), ("Stored", Long), ("VerbHash", NpgsqlDbType.Integer)]);

    /// <summary>The columns of a stored row that say where it lives and who wrote it.</summary>
    public sealed record Template(Guid WrittenBy, string Province, string City, string County, Guid? SchoolId, Guid? ClassId, Guid PersonId, JsonObject Authority);

    public static async Task<long> CountAsync(DatasetSpec spec)
    {
        await using var c = Open(spec);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {Name(spec, Statements)}";
        cmd.CommandTimeout = 0;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<Template> TemplateAsync(DatasetSpec spec)
    {
        await using var c = Open(spec);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT \"WrittenBy\", \"ProvinceCode\", \"CityCode\", \"CountyCode\", \"SchoolId\", \"ClassId\", \"PersonId\", \"Json\" FROM {Name(spec, Statements)} WHERE \"ActorKey\" LIKE 'mbox:mailto:learner%' LIMIT 1";
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync())
        {
            throw new InvalidOperationException("no statement stored by the bench client yet");
        }
        Guid? OptGuid(int i) => r.IsDBNull(i) ? null : Guid.Parse(r.GetValue(i).ToString()!);
        var json = JsonNode.Parse(r.GetString(7))!.AsObject();
        return new Template(Guid.Parse(r.GetValue(0).ToString()!), r.GetString(1), r.GetString(2), r.GetString(3), OptGuid(4), OptGuid(5),
            Guid.Parse(r.GetValue(6).ToString()!), json["authority"]!.AsObject());
    }

    /// <summary>Adds statements until the store holds <paramref name="target"/> rows. Returns the seconds taken.</summary>
    public static async Task<double> FillAsync(DatasetSpec spec, Template template, long target, long have)
    {
        if (have >= target)
        {
            return 0;
        }
        var clock = Stopwatch.StartNew();
        var end = DateTimeOffset.UtcNow.AddDays(-1);
        var span = TimeSpan.FromDays(365);
        var count = target - have;
        var startMicros = Grammar.Micros(end - span);
        var stepMicros = Math.Max(1, (long)(span.TotalMicroseconds / count));
        long loaded = 0;
        var chunks = Chunks(have, target, template, startMicros - have * stepMicros, stepMicros);
        void Progress(long n) => Console.WriteLine($"[{spec.Label}] statements: {have + n:N0} rows, {clock.Elapsed.TotalSeconds:F0} s");
        var links = new List<object?[]>();
        IEnumerable<object?[]> StatementRows()
        {
            foreach (var chunk in chunks)
            {
                foreach (var (row, rowLinks) in chunk)
                {
                    links.AddRange(rowLinks);
                    yield return row;
                }
            }
        }
        // The links of each chunk are written after its statements, so memory stays one chunk deep.
        if (spec.IsPostgres)
        {
            await using var load = new LoadPostgres(spec.ConnectionString);
            await load.BeginAsync([Statements, Links]);
            foreach (var part in Parts(StatementRows(), 200_000))
            {
                await load.InsertAsync(Statements, part);
                await load.InsertAsync(Links, links);
                links.Clear();
                loaded += part.Count;
                Progress(loaded);
            }
            Console.WriteLine($"[{spec.Label}] rebuilding indexes and analysing");
            await load.FinishAsync();
        }
        else
        {
            await using var load = new LoadSqlite(spec.ConnectionString);
            await load.BeginAsync([Statements, Links]);
            foreach (var part in Parts(StatementRows(), 200_000))
            {
                await load.InsertAsync(Statements, part);
                await load.InsertAsync(Links, links);
                links.Clear();
                loaded += part.Count;
                Progress(loaded);
            }
            Console.WriteLine($"[{spec.Label}] rebuilding indexes");
            await load.FinishAsync();
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static IEnumerable<List<object?[]>> Parts(IEnumerable<object?[]> rows, int size)
    {
        var part = new List<object?[]>(size);
        foreach (var row in rows)
        {
            part.Add(row);
            if (part.Count == size)
            {
                yield return part;
                part = new List<object?[]>(size);
            }
        }
        if (part.Count > 0)
        {
            yield return part;
        }
    }

    /// <summary>Rows built on all cores, 20,000 at a time, in order.</summary>
    private static IEnumerable<(object?[] Row, List<object?[]> Links)[]> Chunks(long from, long to, Template t, long baseMicros, long stepMicros)
    {
        const int size = 20_000;
        for (var start = from; start < to; start += size)
        {
            var n = (int)Math.Min(size, to - start);
            var chunk = new (object?[], List<object?[]>)[n];
            Parallel.For(0, n, k => chunk[k] = Build(start + k, t, baseMicros + (start + k) * stepMicros));
            yield return chunk;
        }
    }

    internal static (object?[] Row, List<object?[]> Links) Build(long i, Template t, long stored)
    {
        var id = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(stored / 1000));
        var at = Grammar.FromMicros(stored);
        var s = StatementFactory.Build(i, id, at);
        var hash = StatementShape.SubmittedHash(s);
        s["stored"] = Grammar.Format(at);
        s["authority"] = t.Authority.DeepClone();
        s["version"] = "1.0.0";
        var registration = (string?)s["context"]?["registration"];
        var verb = VerbHash.Of(StatementFactory.Verb(i));
        var row = new object?[]
        {
            id, stored, StatementFactory.Verb(i), verb, StatementShape.IfiKey(s["actor"]), StatementFactory.Activity(i), registration is null ? null : Guid.Parse(registration), null,
            false, false, hash, s.ToJsonString(), t.WrittenBy, t.Province, t.City, t.County, t.SchoolId, t.ClassId, t.PersonId,
        };
        var links = StatementShape.StoredLinks(s).Select(l => new object?[] { id, KeyHash.Of(l.Kind, l.Key), l.Primary, stored, verb }).ToList();
        return (row, links);
    }

    private static DbConnection Open(DatasetSpec spec) => spec.IsPostgres ? new NpgsqlConnection(spec.ConnectionString) : new SqliteConnection(spec.ConnectionString);

    private static string Name(DatasetSpec spec, BulkTable table) => spec.IsPostgres ? table.PostgresName : $"\"{table.SqliteName}\"";
}
