using System.Data;
using System.Data.Common;

namespace EduCloud.Kernel.Data;

/// <summary>
/// One open connection from <see cref="DirectReads"/> and the commands made on it. The commands belong to the
/// connection: callers do not dispose them. On SQLite the connection and its prepared commands outlive the request
/// (kept by DirectReads); on PostgreSQL Npgsql prepares each statement on the server by its text (automatic
/// preparation on DirectReads' multiplexed pool) and keeps it there, and the connection goes back to Npgsql's pool.
/// </summary>
public sealed class ReadConnection : IAsyncDisposable
{
    /// <summary>A connection that has seen more distinct statements than this starts over (scope shapes vary).</summary>
    private const int KeptCommands = 64;

    private readonly DirectReads _owner;
    private readonly DbConnection _connection;
    /// <summary>SQLite: the kept prepared commands by their SQL. PostgreSQL: empty (its commands are in <see cref="_used"/>).</summary>
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>PostgreSQL: this request's commands, disposed with the connection.</summary>
    private readonly List<DbCommand> _used = [];

    internal ReadConnection(DirectReads owner, DbConnection connection)
    {
        _owner = owner;
        _connection = connection;
    }

    /// <summary>
    /// A command for SQL that is the same on every call (its values in parameters), with <paramref name="bind"/>'s
    /// parameters. Run one reader at a time on a connection, and finish it before asking for the next command.
    /// </summary>
    public async Task<DbCommand> CommandAsync(string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            // SQLite binds parameters to the kept statement at each execution, so new values need no new prepare.
            command.Parameters.Clear();
            bind(command);
            return command;
        }
        if (_commands.Count >= KeptCommands)
        {
            await DisposeCommandsAsync();
        }
        command = _connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        if (_owner.IsPostgres)
        {
            // The multiplexed pool prepares by the statement's text on each physical connection (no explicit Prepare
            // there, DirectReads); the command itself is per request, so it is disposed with the connection.
            _used.Add(command);
        }
        else
        {
            await command.PrepareAsync(ct);
            _commands[sql] = command;
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == ConnectionState.Open && _owner.TryKeep(this))
        {
            return;
        }
        await DisposeCommandsAsync();
        await _connection.DisposeAsync();
    }

    private async Task DisposeCommandsAsync()
    {
        foreach (var command in _commands.Values.Concat(_used))
        {
            await command.DisposeAsync();
        }
        _commands.Clear();
        _used.Clear();
    }
}
