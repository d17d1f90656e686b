using System.Collections.Concurrent;

namespace EduCloud.Organization.Features.Schools;

/// <summary>
/// Remembers the school list's totals (how many schools a scope + region + retired filter holds), so that paging
/// does not count the whole scope on every page: the count was most of the database work per request, and for a
/// province it grows with the province (ADR 0016, school list totals). Only totals are kept; the rows of a page are
/// always read live.
/// <para>
/// Freshness: every save of a school through <see cref="Data.OrganizationDbContext"/> (the module owns its writes)
/// bumps <see cref="Version"/> once committed, so on this node the next list counts again. Other nodes of the
/// platform do not see that bump; there a total lives at most <see cref="Lifetime"/>, which bounds how long a total
/// can lag behind another node's write (the rows themselves never lag).
/// </para>
/// </summary>
internal sealed class SchoolTotals(TimeProvider clock)
{
    /// <summary>Short enough that another node's write shows in the totals within seconds; long enough to spare ~all counts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>Distinct scopes are few (one per administrator's place); this bounds memory against odd callers.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Read before counting and stored with the count, so a write during the count discards it.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Called once a change to schools is saved: every remembered total is stale.</summary>
    public void SchoolsChanged() => Interlocked.Increment(ref _version);

    public bool TryGet(string key, out int total)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == Version && clock.GetTimestamp() < entry.ExpiresAt)
        {
            total = entry.Total;
            return true;
        }
        total = 0;
        return false;
    }

    /// <summary>Keeps <paramref name="total"/>, counted after <paramref name="version"/> was read.</summary>
    public void Keep(string key, long version, int total)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        var expiresAt = clock.GetTimestamp() + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency);
        _entries[key] = new Entry(version, expiresAt, total);
    }

    private sealed record Entry(long Version, long ExpiresAt, int Total);
}
