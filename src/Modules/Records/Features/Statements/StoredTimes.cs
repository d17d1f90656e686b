using System.Collections.Concurrent;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// The statements' stored times, and how far the stream is complete (ADR 0038). A write reserves its stored times
/// before it commits, and several writes are in flight at once (batches from several clients, and more than one group
/// of single statements), so they can commit out of order: a statement stored at t can become visible after one
/// stored at t + 1. Consistent-Through therefore is not "now" but the instant before the oldest stored time still in
/// flight, and a query's snapshot is the same instant: every statement at or before it is committed (or failed and
/// gone), so `since` polling and `more` pages never skip one that commits late. One per store (database) in this
/// process: one server process writes a store (ARCHITECTURE.md: a modular monolith), and writes to another store (the
/// test suite runs many side by side) must not hold this one's answer back.
/// </summary>
internal sealed class StoredTimes
{
    private static readonly ConcurrentDictionary<string, StoredTimes> Stores = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private long _last;
    // The first stored time of each write in flight, with how many writes share it (never more than one today, but a
    // count keeps a double release from dropping another write's time).
    private readonly SortedDictionary<long, int> _inFlight = [];

    /// <summary>The stored times of the store this context writes to.</summary>
    public static StoredTimes For(DatabaseFacade database) => Stores.GetOrAdd(database.GetConnectionString() ?? "", _ => new StoredTimes());

    /// <summary>
    /// <paramref name="count"/> strictly increasing stored times, later than any reserved before and than any
    /// Consistent-Through already answered. Dispose the reservation once its write has committed or failed.
    /// </summary>
    public Reservation Reserve(TimeProvider clock, int count)
    {
        var now = Grammar.Micros(clock.GetUtcNow());
        lock (_gate)
        {
            var first = Math.Max(now, _last + 1);
            _last = first + Math.Max(count, 1) - 1;
            _inFlight[first] = _inFlight.GetValueOrDefault(first) + 1;
            return new Reservation(this, first);
        }
    }

    /// <summary>
    /// The latest stored time up to which every statement is visible: now, or just before the oldest write still in
    /// flight. Later reservations are moved past it, so nothing can later be stored at or before an answered instant.
    /// </summary>
    public long ConsistentThrough(TimeProvider clock)
    {
        var now = Grammar.Micros(clock.GetUtcNow());
        lock (_gate)
        {
            if (_inFlight.Count > 0)
            {
                return Math.Min(now, _inFlight.Keys.First() - 1);
            }
            _last = Math.Max(_last, now);
            return now;
        }
    }

    private void Release(long first)
    {
        lock (_gate)
        {
            if (_inFlight.TryGetValue(first, out var writes))
            {
                if (writes > 1) { _inFlight[first] = writes - 1; } else { _inFlight.Remove(first); }
            }
        }
    }

    /// <summary>A write's stored times, in flight until disposed.</summary>
    public sealed class Reservation(StoredTimes times, long first) : IDisposable
    {
        private int _released;

        public long First { get; } = first;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) { times.Release(First); }
        }
    }
}
