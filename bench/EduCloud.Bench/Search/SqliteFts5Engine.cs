using EduCloud.Resources.Search;
using Microsoft.Data.Sqlite;

namespace EduCloud.Bench.Search;

/// <summary>
/// SQLite FTS5 over the same bigram tokens (our analyser's output, space-separated, in a title and a body column;
/// unicode61 splits them back on the spaces), ranked by bm25 with the title weighted 3:1. A search is two
/// statements, the top 20 by rank and the count, as a page with a total needs.
/// </summary>
internal sealed class SqliteFts5Engine(string file) : ISearchEngine
{
    private const string FilterSql = " AND type IN ('courseware','micro-lecture') AND licence = 'free'";
    private SqliteConnection? _connection;

    public string Name => "SQLite FTS5 (bigram column)";
    public string Work => "top 20 + total (2 statements)";

    public async Task IndexAsync(IReadOnlyList<SearchDocument> docs)
    {
        foreach (var f in System.IO.Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
        {
            File.Delete(f);
        }
        _connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await _connection.OpenAsync();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
            + "CREATE VIRTUAL TABLE fts USING fts5(t, b, type UNINDEXED, licence UNINDEXED, tokenize='unicode61');");
        await using var tx = _connection.BeginTransaction();
        await using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO fts(t, b, type, licence) VALUES ($t, $b, $type, $licence)";
        var parameters = new[] { "$t", "$b", "$type", "$licence" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var d in docs)
        {
            var (title, body) = BigramTokens.Of(d);
            parameters[0].Value = title;
            parameters[1].Value = body;
            parameters[2].Value = d.TypeCode;
            parameters[3].Value = d.LicenceCode;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        Execute("INSERT INTO fts(fts) VALUES ('optimize');");
    }

    public long Search(string text, bool filtered)
    {
        var match = string.Join(' ', BigramTokens.Query(text).Select(t => $"\"{t}\""));
        var where = "fts MATCH $m" + (filtered ? FilterSql : "");
        using var top = _connection!.CreateCommand();
        top.CommandText = $"SELECT rowid FROM fts WHERE {where} ORDER BY bm25(fts, 3.0, 1.0) LIMIT 20";
        top.Parameters.AddWithValue("$m", match);
        using (var reader = top.ExecuteReader())
        {
            while (reader.Read())
            {
            }
        }
        using var count = _connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM fts WHERE {where}";
        count.Parameters.AddWithValue("$m", match);
        return (long)count.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
