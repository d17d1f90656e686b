using EduCloud.Resources.Search;
using Npgsql;

namespace EduCloud.Bench.Search;

/// <summary>
/// PostgreSQL full-text search over the same bigram tokens: tsvector = setweight(title tokens, 'A') || body
/// tokens, built with array_to_tsvector (no parser in between), a GIN index, tsquery 'a' &amp; 'b', ranked by
/// ts_rank. Loaded by COPY into a staging table, then one CREATE TABLE AS and the index build.
/// </summary>
internal sealed class PostgresFtsEngine(string server) : ISearchEngine
{
    private const string Database = "educloud_bench_search";
    private const string FilterSql = " AND type IN ('courseware','micro-lecture') AND licence = 'free'";
    private NpgsqlDataSource? _source;

    public string Name => "PostgreSQL 15 full-text (bigram tsvector, GIN)";
    public string Work => "top 20 + total (2 statements)";

    public async Task IndexAsync(IReadOnlyList<SearchDocument> docs)
    {
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {Database}", admin).ExecuteNonQueryAsync();
        }
        _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = Database }.ConnectionString);
        await using var connection = await _source.OpenConnectionAsync();
        await new NpgsqlCommand("CREATE UNLOGGED TABLE staging (id int, t text, b text, type text, licence text)", connection).ExecuteNonQueryAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY staging (id, t, b, type, licence) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < docs.Count; i++)
            {
                var (title, body) = BigramTokens.Of(docs[i]);
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer);
                await copy.WriteAsync(title, NpgsqlTypes.NpgsqlDbType.Text);
                await copy.WriteAsync(body, NpgsqlTypes.NpgsqlDbType.Text);
                await copy.WriteAsync(docs[i].TypeCode, NpgsqlTypes.NpgsqlDbType.Text);
                await copy.WriteAsync(docs[i].LicenceCode, NpgsqlTypes.NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        foreach (var sql in new[]
        {
            "CREATE TABLE res AS SELECT id, type, licence, setweight(array_to_tsvector(string_to_array(t, ' ')), 'A') || array_to_tsvector(string_to_array(b, ' ')) AS tsv FROM staging",
            "DROP TABLE staging",
            "SET maintenance_work_mem = '1GB'",
            "CREATE INDEX res_tsv ON res USING gin (tsv)",
            "VACUUM ANALYZE res",
        })
        {
            await new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 }.ExecuteNonQueryAsync();
        }
    }

    public long Search(string text, bool filtered)
    {
        var query = string.Join(" & ", BigramTokens.Query(text).Select(t => $"'{t}'"));
        var where = "tsv @@ $1::tsquery" + (filtered ? FilterSql : "");
        using var connection = _source!.OpenConnection();
        using (var top = new NpgsqlCommand($"SELECT id FROM res WHERE {where} ORDER BY ts_rank(tsv, $1::tsquery) DESC LIMIT 20", connection))
        {
            top.Parameters.AddWithValue(query);
            using var reader = top.ExecuteReader();
            while (reader.Read())
            {
            }
        }
        using var count = new NpgsqlCommand($"SELECT count(*) FROM res WHERE {where}", connection);
        count.Parameters.AddWithValue(query);
        return (long)count.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
    }
}
