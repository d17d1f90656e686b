using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Kernel.Data;

/// <summary>
/// Plain ADO.NET connections to the node's database, for the few hot read paths that skip EF Core's query
/// pipeline (ADR 0014). Same database and credentials as the module contexts. Rows read
/// this way must be filtered with <see cref="ScopeSql"/>, the SQL form of the scope filter, never by hand.
/// </summary>
public sealed class DirectReads(DatabaseSettings settings)
{
    /// <summary>
    /// On PostgreSQL these connections only ever run read statements and set no session state, so resetting them
    /// when they go back to the pool (Npgsql sends RESET ALL, CLOSE ALL, UNLISTEN and more, to keep prepared
    /// statements) is wasted backend work on every request: they get their own pool without it. That pool is capped
    /// well below PostgreSQL's default 100 connections, so it cannot starve the module contexts' pool on the same server.
    /// </summary>
    private readonly string _connectionString = settings.IsPostgres
        ? new NpgsqlConnectionStringBuilder(settings.ConnectionString) { NoResetOnClose = true, MaxPoolSize = 32 }.ConnectionString
        : settings.ConnectionString;

    public bool IsPostgres => settings.IsPostgres;

    /// <summary>An open connection from the pool; dispose it to give it back.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = settings.IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A command for SQL that is the same on every call (its values in parameters). On PostgreSQL it is prepared:
    /// Npgsql keeps a prepared statement on the physical connection across pool returns, so parsing and planning
    /// happen once per pooled connection rather than once per request.
    /// </summary>
    public async Task<DbCommand> CommandAsync(DbConnection connection, string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        if (settings.IsPostgres)
        {
            await command.PrepareAsync(ct);
        }
        return command;
    }
}
