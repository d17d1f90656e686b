using EduCloud.Records.Json;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// The statements' stored times, and how far the stream is complete (ADR 0038). A write reserves its stored times
/// before it commits, and several writes are in flight at once (batches from several clients, and more than one group
/// of single statements), so they can commit out of order: a statement stored at t can become visible after one
/// stored at t + 1. Consistent-Through therefore is not "now" but the instant before the oldest stored time still in
/// flight, and a query's snapshot is the same instant: every statement at or before it is committed (or failed and
/// gone), so `since` polling and `more` pages never skip one that commits late. Process-wide, like the stored times
/// themselves: one server process writes the store (ARCHITECTURE.md: a modular monolith).
/// </summary>
internal static class StoredTimes
{
    private static readonly Lock Gate = new();
    private static long _last;
    // The first stored time of each write in flight, with how many writes share it (never more than one today, but a
    // count keeps a double release from dropping another write's time).
    private static readonly SortedDictionary<long, int> InFlight = [];

    /// <summary>
    /// <paramref name="count"/> strictly increasing stored times, later than any reserved before and than any
    /// Consistent-Through already answered. Dispose the reservation once its write has committed or failed.
    /// </summary>
    public static Reservation Reserve(TimeProvider clock, int count)
    {
        var now = Grammar.Micros(clock.GetUtcNow());
        lock (Gate)
        {
            var first = Math.Max(now, _last + 1);
            _last = first + Math.Max(count, 1) - 1;
            InFlight[first] = InFlight.GetValueOrDefault(first) + 1;
            return new Reservation(first);
        }
    }

    /// <summary>
    /// The latest stored time up to which every statement is visible: now, or just before the oldest write still in
    /// flight. Later reservations are moved past it, so nothing can later be stored at or before an answered instant.
    /// </summary>
    public static long ConsistentThrough(TimeProvider clock)
    {
        var now = Grammar.Micros(clock.GetUtcNow());
        lock (Gate)
        {
            if (InFlight.Count > 0)
            {
                return Math.Min(now, InFlight.Keys.First() - 1);
            }
            _last = Math.Max(_last, now);
            return now;
        }
    }

    private static void Release(long first)
    {
        lock (Gate)
        {
            if (InFlight.TryGetValue(first, out var writes))
            {
                if (writes > 1) { InFlight[first] = writes - 1; } else { InFlight.Remove(first); }
            }
        }
    }

    /// <summary>A write's stored times, in flight until disposed.</summary>
    public sealed class Reservation(long first) : IDisposable
    {
        private int _released;

        public long First { get; } = first;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) { Release(First); }
        }
    }
}
