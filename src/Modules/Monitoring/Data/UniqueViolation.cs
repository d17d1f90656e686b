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
}
