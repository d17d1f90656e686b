using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Data;

/// <summary>
/// Whether a failed save broke a unique index: another server wrote the same row first. Callers treat that as "already
/// done" (an alert already raised) rather than as an error.
/// </summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// Whether a failed save lost a race with another server: a unique index broken, a row changed meanwhile, or a
    /// PostgreSQL deadlock the database broke by rolling this save back (seen once in CI with two servers). Npgsql's
    /// execution strategy wraps the save's exception in an InvalidOperationException, so that wrapper is looked through.
    /// </summary>
    public static bool LostRace(Exception e) => (e is InvalidOperationException { InnerException: DbUpdateException wrapped } ? wrapped : e) switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException save => Is(save) || save.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected },
        _ => false,
    };
}
