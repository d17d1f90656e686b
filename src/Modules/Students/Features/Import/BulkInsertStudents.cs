using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SQLitePCL;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Writes new student records and their admission changes past the change tracker, inside the caller's transaction:
/// binary COPY on PostgreSQL (ADR 0029, BinaryCopyWriter; the rows arrive laid out by MatchImportRows, ADR 0034); on SQLite one prepared INSERT per table, stepped once per row
/// with its parameters bound by position through the native API (Microsoft.Data.Sqlite looks every parameter up by name on every execution,
/// which cost more than SQLite's own work). The caller recounts the census afterwards (CensusKeeper.RecountSchoolsAsync)
/// and writes the batch's single audit line: EF would add one per row.
/// </summary>
internal sealed class BulkInsertStudents(StudentsDbContext db) : IDisposable
{
    private sqlite3_stmt? _studentInsert, _changeInsert;
    // 64 MiB: 192 MiB took the peak of a 1,000,000-row import over the 1 GiB budget (docs/benchmarks.md, issue 3).
    private const int SqliteCacheKiB = 64 * 1024;

    /// <summary>SQLite: the batch's records, one prepared INSERT step per row.</summary>
    public void Write(IReadOnlyList<StudentRecord> students, IReadOnlyList<StatusChange> changes, CancellationToken ct)
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        if (_studentInsert is null)
        {
            // A large import touches every page of nine indexes: with the default 2 MB page cache SQLite spills dirty pages
            // to the WAL over and over. Set back when the import ends (the connection returns to the pool).
            Check(handle, raw.sqlite3_exec(handle, $"PRAGMA cache_size = -{SqliteCacheKiB}"));
        }
        _studentInsert ??= Prepare(handle, "stu_student", BulkColumns.Student);
        _changeInsert ??= Prepare(handle, "stu_status_change", BulkColumns.Change);
        Insert(handle, _studentInsert, BulkColumns.Student, students, ct);
        Insert(handle, _changeInsert, BulkColumns.Change, changes, ct);
    }

    /// <summary>PostgreSQL: the batch as the match stage laid it out; the backend stores rows while they arrive.</summary>
    public void Write(EncodedCopy students, EncodedCopy changes)
    {
        Copy("students.stu_student", BulkColumns.Student, students);
        Copy("students.stu_status_change", BulkColumns.Change, changes);
    }

    // Synchronous on purpose: the writer holds its thread while the backend works. Awaited, each of the COPY's round trips
    // (begin, the socket write, the end) would queue again for a pool thread behind the check stage's CPU-bound batches
    // on 2 cores while the backend sits idle (ADR 0034).
    private void Copy<T>(string table, BulkColumn<T>[] columns, EncodedCopy rows)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        var stream = connection.BeginRawBinaryCopy(copy);
        try
        {
            stream.Write(rows.Data.Span);
        }
        catch
        {
            // Nothing of a half-written COPY may reach the table (the import's transaction rolls back as well).
            stream.Cancel();
            throw;
        }
        // Ends the COPY: the server checks and stores the last rows now.
        stream.Dispose();
    }

    private static sqlite3_stmt Prepare<T>(sqlite3 handle, string table, BulkColumn<T>[] columns)
    {
        var names = string.Join(", ", columns.Select(c => "\"" + c.Name + "\""));
        var values = string.Join(", ", columns.Select((_, i) => "?" + (i + 1)));
        Check(handle, raw.sqlite3_prepare_v2(handle, $"INSERT INTO {table} ({names}) VALUES ({values})", out var statement));
        return statement;
    }

    // One row per step: a 32-row VALUES statement measured slower (docs/benchmarks.md, "import10").
    private static void Insert<T>(sqlite3 handle, sqlite3_stmt statement, BulkColumn<T>[] columns, IReadOnlyList<T> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Bind(statement, i + 1, row);
            }
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(handle, rc);
            }
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            // Surfaces as a failed import (rolled back); the message is SQLite's, never row content.
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }

    public void Dispose()
    {
        if (_studentInsert is not null && db.Database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } handle })
        {
            raw.sqlite3_exec(handle, "PRAGMA cache_size = -2000");
        }
        _studentInsert?.Dispose();
        _changeInsert?.Dispose();
    }
}
