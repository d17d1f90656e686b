using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EduCloud.Bench.Dataset;

/// <summary>
/// Bulk load into SQLite: one prepared INSERT, one transaction per batch, synchronous=OFF and no journal during
/// the load only. Secondary indexes are dropped first and recreated from their own DDL afterwards (the schema
/// ends up exactly as the migrations made it; building an index once is far cheaper than 5M random inserts).
/// </summary>
internal sealed class LoadSqlite(string connectionString) : IAsyncDisposable
{
    private const int BatchSize = 50_000;
    private readonly SqliteConnection _connection = new(connectionString);
    private readonly List<string> _dropped = [];

    public async Task BeginAsync(IEnumerable<BulkTable> tables)
    {
        await _connection.OpenAsync();
        await ExecAsync("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        foreach (var table in tables)
        {
            using var find = _connection.CreateCommand();
            find.CommandText = "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=$t AND sql IS NOT NULL";
            find.Parameters.AddWithValue("$t", table.SqliteName);
            var indexes = new List<(string Name, string Sql)>();
            await using (var reader = await find.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            foreach (var (name, sql) in indexes)
            {
                await ExecAsync($"DROP INDEX \"{name}\";");
                _dropped.Add(sql);
            }
        }
    }

    public async Task InsertAsync(BulkTable table, IEnumerable<object?[]> rows, Action<long>? progress = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table.SqliteName}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        long count = 0;
        var transaction = _connection.BeginTransaction();
        command.Transaction = transaction;
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToSqlite(row[i]);
            }
            await command.ExecuteNonQueryAsync();
            if (++count % BatchSize == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = _connection.BeginTransaction();
                command.Transaction = transaction;
                progress?.Invoke(count);
            }
        }
        transaction.Commit();
        transaction.Dispose();
        progress?.Invoke(count);
    }

    public async Task FinishAsync()
    {
        foreach (var sql in _dropped)
        {
            await ExecAsync(sql);
        }
        // Back to the product's own settings: WAL, as DatabaseSetup.MigrateAllAsync sets it.
        await ExecAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    }

    /// <summary>The formats EF Core's SQLite provider writes: upper-case GUID text, ISO-like date text, 0/1 booleans.</summary>
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    private async Task ExecAsync(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
