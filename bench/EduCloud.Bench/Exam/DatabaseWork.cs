using Npgsql;

namespace EduCloud.Bench.Exam;

/// <summary>
/// The work PostgreSQL did for one run, from its own counters (pg_stat_database, pg_stat_user_tables of the bench
/// database): transactions, index and sequential scans, rows written. Divided by the requests, it says what one
/// request costs the database whatever the neighbours do to the wall clock. The counters are flushed by the backends
/// about once a second, so the reading after a run waits two seconds first.
/// </summary>
internal sealed record DatabaseWork(long Transactions, long IndexScans, long SeqScans, long RowsWritten)
{
    public static async Task<DatabaseWork?> ReadAsync(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
                   (SELECT coalesce(sum(idx_scan), 0)::bigint FROM pg_stat_user_tables),
                   (SELECT coalesce(sum(seq_scan), 0)::bigint FROM pg_stat_user_tables),
                   (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint FROM pg_stat_user_tables)
            """, c);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseWork(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public static async Task<DatabaseWork?> AfterAsync(string? connectionString, DatabaseWork? before)
    {
        if (before is null)
        {
            return null;
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = (await ReadAsync(connectionString))!;
        return new DatabaseWork(after.Transactions - before.Transactions, after.IndexScans - before.IndexScans, after.SeqScans - before.SeqScans,
            after.RowsWritten - before.RowsWritten);
    }

    public string PerRequest(int requests) => requests == 0 ? "" :
        $"per request: {(double)Transactions / requests:F2} transactions, {(double)IndexScans / requests:F2} index scans, {(double)SeqScans / requests:F2} seq scans, {(double)RowsWritten / requests:F2} rows written";
}
