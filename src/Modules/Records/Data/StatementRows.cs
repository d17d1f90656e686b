using System.Data.Common;
using EduCloud.Records.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace EduCloud.Records.Data;

/// <summary>
/// Writes a batch of statements and their links in the caller's transaction without EF change tracking: binary
/// COPY on PostgreSQL (one round trip per table whatever the batch size, the data laid out by <see cref="CopyRows"/>), one prepared INSERT reused per row on
/// SQLite (in-process, so rows cost no round trips). EF's per-entity tracking, and the RETURNING of each link's
/// generated key, were most of the ingest cost. Columns are the migrations' (see RecordsDbContext).
/// </summary>
internal static class StatementRows
{
    private static readonly string[] StatementColumns =
    [
        "Id", "Stored", "VerbId", "VerbHash", "ActorKey", "ActivityId", "Registration", "TargetId", "IsVoiding", "Voided", "SubmittedHash", "Json", "WrittenBy",
        "ProvinceCode", "CityCode", "CountyCode", "SchoolId", "ClassId", "PersonId",
    ];

    private static readonly string[] LinkColumns = ["StatementId", "KeyHash", "Primary", "Stored", "VerbHash"];

    public static async Task InsertAsync(RecordsDbContext db, IReadOnlyList<StoredStatement> rows, IReadOnlyList<StatementLink> links, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("statements are written inside a transaction");
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, rows, links, ct);
        }
        else
        {
            await InsertEachAsync((SqliteConnection)connection, (SqliteTransaction)transaction, rows, links, ct);
        }
    }

    private static string List(string[] columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StoredStatement> rows, IReadOnlyList<StatementLink> links, CancellationToken ct)
    {
        // Laid out first, then sent in one write per table (the column order is StatementColumns / LinkColumns).
        using (var copy = new CopyRows(rows.Count * 1536))
        {
            foreach (var s in rows)
            {
                copy.StartRow(StatementColumns.Length);
                copy.Uuid(s.Id);
                copy.Long(s.Stored);
                copy.Text(s.VerbId);
                copy.Int(s.VerbHash);
                copy.Text(s.ActorKey);
                copy.Text(s.ActivityId);
                copy.Uuid(s.Registration);
                copy.Uuid(s.TargetId);
                copy.Bool(s.IsVoiding);
                copy.Bool(s.Voided);
                copy.Text(s.SubmittedHash);
                if (s.JsonUtf8 is { } utf8) { copy.Text(utf8); } else { copy.Text(s.Json); }
                copy.Uuid(s.WrittenBy);
                copy.Text(s.ProvinceCode);
                copy.Text(s.CityCode);
                copy.Text(s.CountyCode);
                copy.Uuid(s.SchoolId);
                copy.Uuid(s.ClassId);
                copy.Uuid(s.PersonId);
            }
            copy.Complete();
            await SendAsync(connection, $"COPY records.rec_statement ({List(StatementColumns)}) FROM STDIN (FORMAT BINARY)", copy.Data, ct);
        }
        if (links.Count == 0)
        {
            return;
        }
        using (var copy = new CopyRows(links.Count * 64))
        {
            foreach (var l in links)
            {
                copy.StartRow(LinkColumns.Length);
                copy.Uuid(l.StatementId);
                copy.Long(l.KeyHash);
                copy.Bool(l.Primary);
                copy.Long(l.Stored);
                copy.Int(l.VerbHash);
            }
            copy.Complete();
            await SendAsync(connection, $"COPY records.rec_statement_link ({List(LinkColumns)}) FROM STDIN (FORMAT BINARY)", copy.Data, ct);
        }
    }

    private static async Task SendAsync(NpgsqlConnection connection, string command, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(command, ct);
        try
        {
            await stream.WriteAsync(data, ct);
        }
        catch
        {
            // Nothing of a half-sent COPY may reach the table (the caller's transaction rolls back as well).
            await stream.CancelAsync();
            throw;
        }
        // Ends the COPY: the server checks and stores the rows now (a constraint violation surfaces here).
        await stream.DisposeAsync();
    }

    /// <summary>SQLite stores what EF's provider writes: GUIDs as upper-case text, booleans as 0/1.</summary>
    private static async Task InsertEachAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredStatement> rows, IReadOnlyList<StatementLink> links, CancellationToken ct)
    {
        await using (var insert = Prepare(connection, transaction, "rec_statement", StatementColumns))
        {
            foreach (var s in rows)
            {
                object?[] values =
                [
                    s.Id, s.Stored, s.VerbId, s.VerbHash, s.ActorKey, s.ActivityId, s.Registration, s.TargetId, s.IsVoiding, s.Voided, s.SubmittedHash, s.Json, s.WrittenBy,
                    s.ProvinceCode, s.CityCode, s.CountyCode, s.SchoolId, s.ClassId, s.PersonId,
                ];
                await RunAsync(insert, values, ct);
            }
        }
        await using (var insert = Prepare(connection, transaction, "rec_statement_link", LinkColumns))
        {
            foreach (var l in links)
            {
                await RunAsync(insert, [l.StatementId, l.KeyHash, l.Primary, l.Stored, l.VerbHash], ct);
            }
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({List(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }
        command.Prepare();
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid g => g.ToString().ToUpperInvariant(),
                bool b => b ? 1 : 0,
                var v => v,
            };
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The newest definition of each activity (GET /xapi/activities), one upsert for the whole batch on PostgreSQL
    /// (arrays unnested) and one prepared statement reused per activity on SQLite. A batch of 1,000 statements
    /// about ~1,000 activities made ~1,000 round trips before. Keys go in ordinal order so two batches upserting
    /// the same activities lock them in the same order and cannot deadlock.
    /// </summary>
    private const string UnlessUnchanged = " ON CONFLICT (\"Id\") DO UPDATE SET \"Json\" = excluded.\"Json\" WHERE \"rec_activity\".\"Json\" <> excluded.\"Json\"";

    /// <summary>The PostgreSQL upsert of (id[], json[]) in key order, unchanged definitions filtered out first (see below); GroupRows sends the same.</summary>
    internal const string PostgresUpsertActivities =
        "INSERT INTO records.rec_activity (\"Id\", \"Json\") SELECT u.id, u.json FROM unnest($1::text[], $2::text[]) AS u(id, json)" +
        " WHERE (SELECT a.\"Json\" FROM records.rec_activity a WHERE a.\"Id\" = u.id) IS DISTINCT FROM u.json" + UnlessUnchanged;

    public static async Task UpsertActivitiesAsync(RecordsDbContext db, IReadOnlyDictionary<string, string> definitions, CancellationToken ct)
    {
        if (definitions.Count == 0)
        {
            return;
        }
        var ordered = definitions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("activities are written inside a transaction");
        // An unchanged definition (the usual case: a tool sends the same one with every statement) is not written
        // again: no new row version, no WAL, no index work for it.
        if (connection is NpgsqlConnection npgsql)
        {
            // On PostgreSQL an ON CONFLICT that updates nothing still locks the row it met, and a row lock writes the
            // heap page and a WAL record (1,000 unchanged activities: 54 kB of WAL, more with full-page images after
            // a checkpoint, and ≈ 1 ms more backend time per batch than a plain read; docs/benchmarks.md, "Session 12:
            // where the batch path's time goes"). So definitions already stored as sent are filtered out first by a
            // plain index read (a correlated subquery: one PK probe per key, never a scan of the table), and only new or changed ones
            // go through the upsert, still in key order. A definition changed by another writer after that read is
            // left as that writer set it: two writers sending different definitions at once have no order anyway.
            await using var upsert = new NpgsqlCommand(PostgresUpsertActivities, npgsql, (NpgsqlTransaction)transaction);
            upsert.Parameters.Add(new NpgsqlParameter { Value = ordered.Select(d => d.Key).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter { Value = ordered.Select(d => d.Value).ToArray() });
            await upsert.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var command = ((SqliteConnection)connection).CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO \"rec_activity\" (\"Id\", \"Json\") VALUES ($id, $json)" + UnlessUnchanged;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        command.Prepare();
        foreach (var (key, value) in ordered)
        {
            (id.Value, json.Value) = (key, value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A unique-key violation (a racing writer stored the same statement id first), on either database.</summary>
    public static bool IsDuplicate(Exception e) => e switch
    {
        DbUpdateException u => u.InnerException is null || IsDuplicate(u.InnerException),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException s => s.SqliteErrorCode == 19,
        _ => false,
    };
}
