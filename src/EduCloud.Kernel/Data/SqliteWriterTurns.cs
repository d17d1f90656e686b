using Microsoft.EntityFrameworkCore;

namespace EduCloud.Kernel.Data;

/// <summary>
/// SQLite has one writer per file: a transaction that writes holds the file lock, and every other writer waits on it
/// with the busy timeout, polling, in no order, so under a burst some wait past the timeout and fail with "database is
/// locked". Writers that come in bursts (xAPI statement transactions, ADR 0021; a class answering a self-test, ADR
/// 0030) take turns here first, in this process, first come first served, and meet the file lock one at a
/// time. One queue for the whole process, because the lock is the file's, whichever module writes. PostgreSQL writers
/// run side by side: there the turn is null.
/// <para>Take the turn just before the transaction and dispose it after the transaction has ended. Never wait for
/// anything that takes a turn while holding one (the turn is not re-entrant).</para>
/// </summary>
public static class SqliteWriterTurns
{
    private static readonly SemaphoreSlim Writer = new(1, 1);

    public static async Task<IDisposable?> TakeAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        await Writer.WaitAsync(ct);
        return new Turn();
    }

    private sealed class Turn : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Writer.Release();
            }
        }
    }
}
