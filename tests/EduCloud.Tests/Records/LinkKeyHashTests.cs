using System.Data.Common;
using System.Text.Json.Nodes;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EduCloud.Tests.Records;

/// <summary>
/// The links keep only an 8-byte hash of each agent's and activity's key, and the statement's verb index a 4-byte
/// hash of the verb (ADR 0040). A hash collision may cost a shorter page, never a wrong statement; the hashes are the
/// ones the migrations compute in SQL; the migration fills the hashes of rows stored before it. On SQLite and
/// PostgreSQL (EDUCLOUD_TEST_POSTGRES).
/// </summary>
public sealed class LinkKeyHashTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Completed = "http://adlnet.gov/expapi/verbs/completed";

    private async Task<HttpClient> ClientAsync() => await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

    [Fact]
    public async Task A_key_hash_collision_returns_no_statement_of_the_other_key()
    {
        using var lrs = await ClientAsync();
        var (mine, theirs) = (Xapi.UniqueEmail(), Xapi.UniqueEmail());
        var (activity, other) = ("http://www.example.com/activities/" + Guid.NewGuid().ToString("N"), "http://www.example.com/activities/" + Guid.NewGuid().ToString("N"));
        var own = await lrs.StoreAsync(Xapi.Statement(mine, Completed, activity));
        var foreign = await lrs.StoreAsync(Xapi.Statement(theirs, Completed, other));
        // A StatementRef to the foreign statement: the StatementRef filter rule would return it for a match of its target.
        var reference = Xapi.Statement(Xapi.UniqueEmail(), Completed, "http://www.example.com/activities/ref");
        reference["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = foreign.ToString() };
        await lrs.StoreAsync(reference);

        // Make the foreign statement's links collide with mine: its agent's and activity's key hashes become mine.
        var (myAgent, theirAgent) = (KeyHash.Of(LinkKind.Agent, "mbox:mailto:" + mine), KeyHash.Of(LinkKind.Agent, "mbox:mailto:" + theirs));
        var (myActivity, theirActivity) = (KeyHash.Of(LinkKind.Activity, activity), KeyHash.Of(LinkKind.Activity, other));
        var changed = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<RecordsDbContext>();
            return await db.Links.Where(l => l.StatementId == foreign && l.KeyHash == theirAgent).ExecuteUpdateAsync(u => u.SetProperty(l => l.KeyHash, myAgent))
                + await db.Links.Where(l => l.StatementId == foreign && l.KeyHash == theirActivity).ExecuteUpdateAsync(u => u.SetProperty(l => l.KeyHash, myActivity));
        });
        changed.ShouldBe(2);

        var agent = Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + mine });
        var a = Uri.EscapeDataString(activity);
        foreach (var query in new[]
        {
            $"agent={agent}", $"agent={agent}&related_agents=true", $"activity={a}", $"activity={a}&related_activities=true",
            $"agent={agent}&activity={a}", $"agent={agent}&verb={Uri.EscapeDataString(Completed)}", $"agent={agent}&ascending=true",
        })
        {
            (await Ids(lrs, query)).ShouldBe([own], query);
        }
        // A page of one whose only raw row is the colliding one: empty, with `more` going on from it (not a wrong row).
        var page = await lrs.GetJsonAsync($"/xapi/statements?agent={agent}&limit=1");
        page["statements"]!.AsArray().Select(s => Guid.Parse((string)s!["id"]!)).ShouldBe([]);
        var next = await lrs.GetJsonAsync((string)page["more"]!);
        next["statements"]!.AsArray().Select(s => Guid.Parse((string)s!["id"]!)).ShouldBe([own]);
    }

    [Fact]
    public async Task The_hashes_are_the_ones_the_database_computes_in_the_migration()
    {
        string[] keys = ["mbox:mailto:learner1@example.cn", "account:https://educloud.example.cn|学生-001", "http://例子.cn/活动/一"];
        var computed = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<RecordsDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var result = new List<(long Key, int Verb)>();
            foreach (var key in keys)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = db.Database.IsNpgsql()
                    ? "SELECT ('x' || left(md5('2:' || @k), 16))::bit(64)::bigint, ('x' || left(md5(@k), 8))::bit(32)::int"
                    : "SELECT records_key_hash('2:' || @k), records_verb_hash(@k)";
                var p = command.CreateParameter();
                (p.ParameterName, p.Value) = ("@k", key);
                command.Parameters.Add(p);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                result.Add((reader.GetInt64(0), reader.GetInt32(1)));
            }
            return result;
        });
        computed.ShouldBe(keys.Select(k => (KeyHash.Of(LinkKind.Activity, k), VerbHash.Of(k))).ToList());
        KeyHash.Of(LinkKind.Agent, keys[0]).ShouldNotBe(KeyHash.Of(LinkKind.Activity, keys[0]));
    }

    [Fact]
    public async Task The_migration_fills_the_hashes_of_rows_stored_before_it()
    {
        var (ids, stored) = (new[] { Guid.NewGuid(), Guid.NewGuid() }, 1_700_000_000_000_000L);
        var verbs = new[] { Completed, "http://例子.cn/动词/完成" };
        var links = new (int Statement, LinkKind Kind, string Key, bool Primary)[]
        {
            (0, LinkKind.Agent, "mbox:mailto:old1@example.cn", true), (0, LinkKind.Activity, "http://www.example.com/activities/old", true),
            (1, LinkKind.Agent, "account:https://educloud.example.cn|老-1", true), (1, LinkKind.Activity, "http://例子.cn/活动/旧", false),
        };
        var db = OldStore(out var cleanup);
        try
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("KeysCompareBytes");
            var postgres = db.Database.IsNpgsql();
            string Id(Guid g) => postgres ? $"'{g}'::uuid" : $"'{g.ToString().ToUpperInvariant()}'";
            var statement = postgres ? "records.rec_statement" : "\"rec_statement\"";
            var link = postgres ? "records.rec_statement_link" : "\"rec_statement_link\"";
            for (var i = 0; i < ids.Length; i++)
            {
                var insert =
                    $"INSERT INTO {statement} (\"Id\", \"Stored\", \"VerbId\", \"ActorKey\", \"IsVoiding\", \"Voided\", \"SubmittedHash\", \"Json\", \"WrittenBy\", " +
                    $"\"ProvinceCode\", \"CityCode\", \"CountyCode\", \"PersonId\") VALUES ({Id(ids[i])}, {stored + i}, {{0}}, '', {(postgres ? "false" : "0")}, " +
                    $"{(postgres ? "false" : "0")}, '', '{{{{}}}}', {Id(Guid.Empty)}, '', '', '', {Id(Guid.Empty)})";
                await db.Database.ExecuteSqlRawAsync(insert, verbs[i]);
            }
            foreach (var (s, kind, key, primary) in links)
            {
                // The old SQLite rows have no verb hash (stored before ADR 0032); PostgreSQL's migration filled them then.
                var verbHash = postgres ? VerbHash.Of(verbs[s]).ToString() : "NULL";
                var insert =
                    $"INSERT INTO {link} (\"StatementId\", \"Kind\", \"Key\", \"Primary\", \"Stored\", \"VerbHash\") VALUES ({Id(ids[s])}, {(int)kind}, {{0}}, " +
                    $"{(postgres ? primary.ToString().ToLowerInvariant() : primary ? "1" : "0")}, {stored + s}, {verbHash})";
                await db.Database.ExecuteSqlRawAsync(insert, key);
            }

            await migrator.MigrateAsync();

            var rows = await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.VerbHash);
            rows[ids[0]].ShouldBe(VerbHash.Of(verbs[0]));
            rows[ids[1]].ShouldBe(VerbHash.Of(verbs[1]));
            var migrated = await db.Links.AsNoTracking().Select(l => new { l.StatementId, l.KeyHash, l.Primary, l.Stored, l.VerbHash }).ToListAsync();
            migrated.Select(l => (l.StatementId, l.KeyHash, l.Primary, l.Stored, l.VerbHash)).ShouldBe(
                links.Select(l => (ids[l.Statement], KeyHash.Of(l.Kind, l.Key), l.Primary, stored + l.Statement, (int?)VerbHash.Of(verbs[l.Statement]))), ignoreOrder: true);
        }
        finally
        {
            await db.DisposeAsync();
            await cleanup();
        }
    }

    /// <summary>A Records store of its own (not the factory's, which is migrated to the end), on the test run's database kind.</summary>
    private static RecordsDbContext OldStore(out Func<Task> cleanup)
    {
        if (Environment.GetEnvironmentVariable("EDUCLOUD_TEST_POSTGRES") is { Length: > 0 } server)
        {
            var name = "educloud_test_mig_" + Guid.NewGuid().ToString("N")[..12];
            using (var c = new NpgsqlConnection(server))
            {
                c.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
                create.ExecuteNonQuery();
            }
            cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(server);
                await c.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c);
                await drop.ExecuteNonQueryAsync();
            };
            var options = new DbContextOptionsBuilder<PostgresRecordsDbContext>()
                .UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, x => x.MigrationsHistoryTable("__migrations", "records")).Options;
            return new PostgresRecordsDbContext(options, new SystemActor(), TimeProvider.System);
        }
        var file = Path.Combine(Path.GetTempPath(), "educloud-tests", "mig-" + Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        cleanup = () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        };
        var sqlite = new DbContextOptionsBuilder<SqliteRecordsDbContext>()
            .UseSqlite($"Data Source={file}", x => x.MigrationsHistoryTable("__migrations_records")).Options;
        return new SqliteRecordsDbContext(sqlite, new SystemActor(), TimeProvider.System);
    }

    private static async Task<List<Guid>> Ids(HttpClient lrs, string query) =>
        (await lrs.QueryAsync(query)).Select(s => Guid.Parse((string)s["id"]!)).ToList();
}
