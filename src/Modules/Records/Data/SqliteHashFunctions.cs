using System.Data.Common;
using EduCloud.Records.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EduCloud.Records.Data;

/// <summary>
/// SQLite has no MD5 in SQL, so the key and verb hashes (<see cref="KeyHash"/>, <see cref="VerbHash"/>) are given to
/// it as SQL functions on each connection the Records context opens: the migration <c>LinkKeyHashVerbHashIndex</c>
/// fills the existing rows with them (PostgreSQL computes the same values with md5()). Registering two functions is
/// a few microseconds per connection open; nothing at run time calls them.
/// </summary>
internal sealed class SqliteHashFunctions : DbConnectionInterceptor
{
    public static readonly SqliteHashFunctions Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) { return; }
        sqlite.CreateFunction("records_key_hash", (string kindAndKey) => KeyHash.Of(kindAndKey), isDeterministic: true);
        sqlite.CreateFunction("records_verb_hash", (string verb) => VerbHash.Of(verb), isDeterministic: true);
    }
}
