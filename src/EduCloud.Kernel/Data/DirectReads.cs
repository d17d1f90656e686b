using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Kernel.Data;

/// <summary>
/// Plain ADO.NET connections to the node's database, for the few hot read paths that skip EF Core's query
/// pipeline (ADR 0014). Same database and credentials as the module contexts. Rows read
/// this way must be filtered with <see cref="ScopeSql"/>, the SQL form of the scope filter, never by hand.
/// </summary>
public sealed class DirectReads(DatabaseSettings settings) : IDisposable
{
    /// <summary>Idle SQLite connections kept open beyond this are closed: enough for the server's concurrent readers.</summary>
    private const int KeptSqliteConnections = 32;

    /// <summary>
    /// On PostgreSQL these connections only ever run read statements and set no session state, so resetting them
    /// when they go back to the pool (Npgsql sends RESET ALL, CLOSE ALL, UNLISTEN and more, to keep prepared
    /// statements) is wasted backend work on every request: they get their own pool without it. That pool is a few
    /// connections (see <see cref="PostgresReads"/>), so it cannot starve the module contexts' pool on the same server.
    /// <para>
    /// Their sessions also use generic plans for prepared statements (<c>plan_cache_mode = force_generic_plan</c>).
    /// PostgreSQL otherwise plans a prepared statement again for its values on every execution whenever it guesses a
    /// custom plan cheaper; for the school list it always did (a parameter OFFSET makes the generic estimate look
    /// worse), so each request paid 0.05-0.13 ms of planning for a 0.02 ms index walk of one page. The statements
    /// read here are written for one index walk whatever the values (EXPLAIN in docs/benchmarks.md, ADR 0019); a
    /// statement that needs a plan per value does not belong on this path.
    /// </para>
    /// </summary>
    private readonly string _connectionString = settings.IsPostgres ? PostgresReads(settings.ConnectionString) : settings.ConnectionString;

    /// <summary>
    /// <para>
    /// The pool is multiplexed (Npgsql <c>Multiplexing</c>, ADR 0024): each physical connection carries the statements
    /// of many requests at once, so a few backends serve the whole node, one socket write can carry several requests'
    /// statements and one read several replies (fewer send/receive system calls and wake-ups on both sides: half of the
    /// backends' CPU was the kernel's loopback TCP work), and a backend stays busy instead of sleeping between requests.
    /// The pool is small (four connections per core, at least 8; never above the operator's Maximum Pool Size), but
    /// not one per core: a backend the kernel preempts holds up every statement queued on its connection, and with 2
    /// connections the quiet rerun's p99 went from 12 to 31 ms (8: 20 ms, the same throughput). Multiplexing allows no
    /// explicit Prepare, so statements are prepared automatically by their text after their second use (the same
    /// server-side prepared statement, generic plan included). A slow statement would hold up those queued behind it
    /// on its connection: another reason only one-index-walk statements belong here.
    /// </para>
    /// </summary>
    private static string PostgresReads(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, Math.Max(8, 4 * Environment.ProcessorCount));
        builder.Multiplexing = true;
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        // Added to whatever session options the operator gave.
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return builder.ConnectionString;
    }

    /// <summary>
    /// Microsoft.Data.Sqlite prepares every statement again on every execution of a new command, and its pool keeps
    /// no statements: preparing was a fifth of the school list's CPU (docs/benchmarks.md, issue 2 profile). So SQLite
    /// connections stay open here with their prepared commands (<see cref="ReadConnection"/>), and are reused.
    /// </summary>
    private readonly ConcurrentBag<ReadConnection> _idle = [];

    private volatile bool _disposed;

    public bool IsPostgres => settings.IsPostgres;

    /// <summary>An open connection; dispose it to give it back.</summary>
    public async Task<ReadConnection> OpenAsync(CancellationToken ct)
    {
        if (!settings.IsPostgres && _idle.TryTake(out var kept))
        {
            return kept;
        }
        var connection = settings.IsPostgres ? (System.Data.Common.DbConnection)new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return new ReadConnection(this, connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Keeps a healthy SQLite connection for the next reader; anything else is closed.</summary>
    internal bool TryKeep(ReadConnection connection)
    {
        if (settings.IsPostgres || _disposed || _idle.Count >= KeptSqliteConnections)
        {
            return false;
        }
        _idle.Add(connection);
        return true;
    }

    /// <summary>Closes the kept SQLite connections with the host (tests start many hosts in one process).</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var kept))
        {
            kept.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
