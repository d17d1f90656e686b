using SQLitePCL;

namespace EduCloud.Kernel.Data;

/// <summary>
/// Puts the process's SQLite library in multi-thread mode (<c>SQLITE_CONFIG_MULTITHREAD</c>) before it opens its first
/// database. The bundled library is built serialized: every call on a connection or statement (each column of each
/// row read) locks and unlocks that connection's mutex, 8-9 % of the school list's server CPU (perf, docs/benchmarks.md,
/// session 10 `list10`). Nothing here needs it: a connection and its statements are used by one thread at a time
/// (ADO.NET connections, EF Core contexts and DirectReads' kept connections are never shared by concurrent callers),
/// which is exactly what multi-thread mode requires. ADR 0028.
/// <para>
/// It must run before SQLite initialises (the first open); later it is refused (SQLITE_MISUSE) and the library stays
/// serialized, which is still correct. That happens only when a process opened SQLite before composing a host.
/// </para>
/// </summary>
public static class SqliteThreading
{
    private static readonly Lazy<int> Configured = new(() =>
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
    });

    /// <summary>SQLITE_OK when multi-thread mode was set here; another code when SQLite had already started.</summary>
    public static int Configure() => Configured.Value;
}
