using Npgsql;

namespace EduCloud.Bench.Dataset;

/// <summary>
/// Bulk load into PostgreSQL with binary COPY (NpgsqlBinaryImporter). As for SQLite, secondary indexes are
/// dropped and recreated from their own definitions (pg_indexes) so the final schema is the migrations' schema.
/// </summary>
internal sealed class LoadPostgres(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection = new(connectionString);
    private readonly List<string> _dropped = [];

    public async Task BeginAsync(IEnumerable<BulkTable> tables)
    {
        await _connection.OpenAsync();
        await ExecAsync("SET maintenance_work_mem = '512MB';");
        foreach (var table in tables)
        {
            await using var find = new NpgsqlCommand(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = @s AND tablename = @t AND indexname NOT LIKE 'PK\\_%'", _connection);
            find.Parameters.AddWithValue("s", table.PostgresSchema);
            find.Parameters.AddWithValue("t", table.Name);
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
                await ExecAsync($"DROP INDEX \"{table.PostgresSchema}\".\"{name}\";");
                _dropped.Add(sql);
            }
        }
    }

    public async Task InsertAsync(BulkTable table, IEnumerable<object?[]> rows, Action<long>? progress = null)
    {
        long count = 0;
        await using var importer = await _connection.BeginBinaryImportAsync($"COPY {table.PostgresName} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            for (var i = 0; i < table.Columns.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(row[i], table.Columns[i].Type);
                }
            }
            if (++count % 100_000 == 0)
            {
                progress?.Invoke(count);
            }
        }
        await importer.CompleteAsync();
        progress?.Invoke(count);
    }

    public async Task FinishAsync()
    {
        foreach (var sql in _dropped)
        {
            await ExecAsync(sql);
        }
        await ExecAsync("ANALYZE;");
    }

    private async Task ExecAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
