using System.Diagnostics;
using System.Text.RegularExpressions;
using EduCloud.Students.Features.Import;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace EduCloud.Bench.Import;

/// <summary>
/// --ceiling: what this machine allows for the same rows, measured right after the import in the same process (ADR 0034).
/// The import's own 1,000,000 students and admission changes, read back from its tables (already validated, encrypted
/// and laid out), are written again by the plainest bulk path in one transaction: binary COPY on PostgreSQL, one
/// prepared INSERT stepped per row on SQLite. Twice: into copies of the two tables with the same indexes, and into
/// copies without any index. Only the writing is timed (on SQLite the source rows are read outside the clock).
/// </summary>
internal static partial class MeasureCeiling
{
    /// <summary>WalMiB and Checkpoints (PostgreSQL only): the WAL the load wrote and the checkpoints that began during it.</summary>
    public sealed record Result(string Db, string Target, int Rows, double Seconds, double RowsPerSecond, double CpuSeconds, double DbCpuSeconds, double LoadAverage, double WalMiB = 0, long Checkpoints = 0);

    private static readonly (string Table, string[] Columns)[] Tables =
    [
        ("stu_student", BulkColumns.Student.Select(c => c.Name).ToArray()),
        ("stu_status_change", BulkColumns.Change.Select(c => c.Name).ToArray()),
    ];

    public static async Task<List<Result>> PostgresAsync(string benchDatabase, string admin, string databaseName, bool perIndex = false)
    {
        await using var c = new NpgsqlConnection(benchDatabase);
        await c.OpenAsync();
        var data = new List<byte[]>();
        foreach (var (table, columns) in Tables)
        {
            await using var export = await c.BeginRawBinaryCopyAsync($"COPY (SELECT {List(columns)} FROM students.{table}) TO STDOUT (FORMAT BINARY)");
            using var bytes = new MemoryStream();
            await export.CopyToAsync(bytes);
            data.Add(bytes.ToArray());
        }
        var rows = (int)(long)(await new NpgsqlCommand("SELECT count(*) FROM students.stu_student", c).ExecuteScalarAsync())!;
        var results = new List<Result>();
        var targets = new List<(string Target, string Like, string? Index)> { ("same indexes", "INCLUDING ALL", null), ("no indexes", "INCLUDING DEFAULTS", null) };
        if (perIndex)
        {
            var indexes = await PostgresIndexesAsync(c);
            targets.AddRange(indexes.Select(i => ("only " + i.Name, "INCLUDING DEFAULTS", (string?)i.Definition)));
            // The sum of the parts, and the first target again (checkpoints and the import's WAL can weigh on the first runs).
            targets.Add(("all indexes added to index-free copies", "INCLUDING DEFAULTS", string.Join("; ", indexes.Select(i => i.Definition))));
            targets.Add(("same indexes, again", "INCLUDING ALL", null));
        }
        foreach (var (target, like, index) in targets)
        {
            foreach (var (table, _) in Tables)
            {
                await new NpgsqlCommand($"DROP TABLE IF EXISTS students.ceiling_{table}; CREATE TABLE students.ceiling_{table} (LIKE students.{table} {like})", c).ExecuteNonQueryAsync();
            }
            if (index is not null)
            {
                await new NpgsqlCommand(index, c).ExecuteNonQueryAsync();
            }
            var (walBefore, checkpointsBefore) = await WalAsync(c);
            var meter = await CpuMeter.StartAsync(admin, databaseName);
            var clock = Stopwatch.StartNew();
            await using (var transaction = await c.BeginTransactionAsync())
            {
                for (var t = 0; t < Tables.Length; t++)
                {
                    await using var copy = await c.BeginRawBinaryCopyAsync($"COPY students.ceiling_{Tables[t].Table} ({List(Tables[t].Columns)}) FROM STDIN (FORMAT BINARY)");
                    await copy.WriteAsync(data[t]);
                }
                await transaction.CommitAsync();
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = await meter.StopAsync();
            var (walAfter, checkpointsAfter) = await WalAsync(c);
            results.Add(new Result("postgres", target, rows, Math.Round(seconds, 2), Math.Round(rows / seconds), Math.Round(cpu.Process, 2), Math.Round(cpu.Database, 2), LoadAverage(),
                Math.Round((double)(walAfter - walBefore) / 1048576.0), checkpointsAfter - checkpointsBefore));
            foreach (var (table, _) in Tables)
            {
                await new NpgsqlCommand($"DROP TABLE students.ceiling_{table}", c).ExecuteNonQueryAsync();
            }
        }
        return results;
    }

    /// <summary>
    /// Every index of the two tables (the primary keys included) as a CREATE INDEX aimed at the index-free copy: the
    /// per-index runs load the copies with that one index, so each index's own cost is its run minus "no indexes".
    /// </summary>
    private static async Task<List<(string Name, string Definition)>> PostgresIndexesAsync(NpgsqlConnection c)
    {
        await using var cmd = new NpgsqlCommand("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'students' AND tablename = ANY($1) ORDER BY tablename DESC, indexname", c);
        cmd.Parameters.AddWithValue(Tables.Select(t => t.Table).ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            var (table, name, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            definition = definition.Replace($" ON students.{table} ", $" ON students.ceiling_{table} ").Replace($"INDEX \"{name}\" ", $"INDEX \"ceiling_{name}\" ");
            indexes.Add((name, definition));
        }
        return indexes;
    }

    private static async Task<(decimal Lsn, long Checkpoints)> WalAsync(NpgsqlConnection c)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn, (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)", c);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDecimal(0), reader.GetInt64(1));
    }

    private const int Chunk = 4096;

    public static List<Result> Sqlite(string databaseFile, string workDirectory, bool perIndex = false)
    {
        var results = new List<Result>();
        var targets = new List<(string Target, string? Index)> { ("same indexes", null), ("no indexes", null) };
        if (perIndex)
        {
            using var c = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
            c.Open();
            targets.AddRange(Tables.SelectMany(t => SqliteIndexes(c, t.Table)).Select(i => ("only " + i.Name, (string?)i.Definition)));
        }
        foreach (var (target, index) in targets)
        {
            var ceilingFile = Path.Combine(workDirectory, "ceiling.db");
            using (var c = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
            {
                c.Open();
                var h = c.Handle!;
                // The import's page cache (BulkInsertStudents), and the same journal as the real database.
                Exec(h, "PRAGMA cache_size = -65536");
                Exec(h, $"ATTACH '{ceilingFile}' AS ceiling");
                Exec(h, "PRAGMA ceiling.journal_mode = WAL");
                var rows = 0;
                foreach (var (table, _) in Tables)
                {
                    if (target == "same indexes")
                    {
                        foreach (var sql in Schema(c, table))
                        {
                            Exec(h, sql);
                        }
                    }
                    else
                    {
                        Exec(h, $"CREATE TABLE ceiling.\"{table}\" AS SELECT * FROM main.\"{table}\" WHERE 0");
                    }
                }
                if (index is not null)
                {
                    Exec(h, index);
                }
                var timed = Stopwatch.StartNew();
                Exec(h, "BEGIN");
                timed.Stop();
                foreach (var (table, columns) in Tables)
                {
                    var n = CopyTable(h, table, columns, timed);
                    rows = table == "stu_student" ? n : rows;
                }
                timed.Start();
                Exec(h, "COMMIT");
                timed.Stop();
                // One thread in this process does all of it, so the timed seconds are its CPU too (under no other load).
                var seconds = timed.Elapsed.TotalSeconds;
                results.Add(new Result("sqlite", target, rows, Math.Round(seconds, 2), Math.Round(rows / seconds), 0, 0, LoadAverage()));
                Exec(h, "DETACH ceiling");
            }
            foreach (var f in new[] { "", "-wal", "-shm" })
            {
                File.Delete(ceilingFile + f);
            }
        }
        return results;
    }

    /// <summary>Reads the source rows a chunk at a time (off the clock), then binds and steps them into the copy (on it).</summary>
    private static int CopyTable(sqlite3 h, string table, string[] columns, Stopwatch timed)
    {
        Check(h, raw.sqlite3_prepare_v2(h, $"SELECT {List(columns)} FROM main.\"{table}\"", out var read));
        Check(h, raw.sqlite3_prepare_v2(h, $"INSERT INTO ceiling.\"{table}\" ({List(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})", out var insert));
        var chunk = new (int Type, long Integer, double Real, byte[]? Bytes)[Chunk, columns.Length];
        var total = 0;
        var more = true;
        using (read)
        using (insert)
        {
            while (true)
            {
                var n = 0;
                // Not stepped again once done: SQLite would start the query over.
                while (n < Chunk && more && (more = raw.sqlite3_step(read) == raw.SQLITE_ROW))
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        var type = raw.sqlite3_column_type(read, i);
                        chunk[n, i] = type switch
                        {
                            raw.SQLITE_INTEGER => (type, raw.sqlite3_column_int64(read, i), 0, null),
                            raw.SQLITE_FLOAT => (type, 0, raw.sqlite3_column_double(read, i), null),
                            raw.SQLITE_NULL => (type, 0, 0, null),
                            _ => (type, 0, 0, raw.sqlite3_column_blob(read, i).ToArray()),
                        };
                    }
                    n++;
                }
                if (n == 0)
                {
                    return total;
                }
                timed.Start();
                for (var r = 0; r < n; r++)
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        var v = chunk[r, i];
                        Check(h, v.Type switch
                        {
                            raw.SQLITE_INTEGER => raw.sqlite3_bind_int64(insert, i + 1, v.Integer),
                            raw.SQLITE_FLOAT => raw.sqlite3_bind_double(insert, i + 1, v.Real),
                            raw.SQLITE_NULL => raw.sqlite3_bind_null(insert, i + 1),
                            raw.SQLITE_TEXT => raw.sqlite3_bind_text(insert, i + 1, v.Bytes.AsSpan()),
                            _ => raw.sqlite3_bind_blob(insert, i + 1, v.Bytes.AsSpan()),
                        });
                    }
                    var rc = raw.sqlite3_step(insert);
                    raw.sqlite3_reset(insert);
                    if (rc != raw.SQLITE_DONE)
                    {
                        Check(h, rc);
                    }
                }
                timed.Stop();
                total += n;
            }
        }
    }

    /// <summary>The table's CREATE TABLE and CREATE INDEX statements as the migrations made them, aimed at the attached copy.</summary>
    private static List<string> Schema(SqliteConnection c, string table)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sql FROM main.sqlite_master WHERE tbl_name = $t AND sql IS NOT NULL ORDER BY type DESC";
        cmd.Parameters.AddWithValue("$t", table);
        using var reader = cmd.ExecuteReader();
        var statements = new List<string>();
        while (reader.Read())
        {
            var sql = reader.GetString(0);
            statements.Add(CreateWhat().Replace(sql, m => m.Value + "ceiling.", 1));
        }
        return statements;
    }

    /// <summary>The table's indexes as CREATE INDEX statements on the attached copy; the primary key (an automatic index) as a unique index on Id.</summary>
    private static IEnumerable<(string Name, string Definition)> SqliteIndexes(SqliteConnection c, string table)
    {
        yield return ("PK_" + table, $"CREATE UNIQUE INDEX ceiling.\"PK_{table}\" ON \"{table}\" (\"Id\")");
        foreach (var sql in Schema(c, table).Where(s => s.StartsWith("CREATE INDEX", StringComparison.Ordinal) || s.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal)))
        {
            var name = sql.Split("ceiling.\"", 2)[1].Split('"')[0];
            yield return (name, sql);
        }
    }

    [GeneratedRegex("^CREATE (UNIQUE )?(TABLE|INDEX) ")]
    private static partial Regex CreateWhat();

    private static string List(string[] columns) => string.Join(", ", columns.Select(c => "\"" + c + "\""));

    private static void Exec(sqlite3 h, string sql) => Check(h, raw.sqlite3_exec(h, sql));

    private static void Check(sqlite3 h, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(h).utf8_to_string(), rc);
        }
    }

    private static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
