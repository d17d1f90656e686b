using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EduCloud.Statistics.Rollup;

/// <summary>
/// The in-memory five-level rollup of one population, a singleton serving every request. Built once from the census
/// on first use, then kept current from the change feed: the changed schools are re-read and only their region paths
/// are adjusted. Readers get an immutable <see cref="RollupSnapshot"/>; a refresh swaps in the next one atomically.
/// A reader whose snapshot is behind the feed refreshes first, so an administrator sees their own change at once.
/// </summary>
internal sealed class RollupCube<TSource>
    where TSource : IPopulationSource
{
    private readonly TSource _source;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _pendingLock = new();
    private HashSet<Guid> _pending = [];
    private long _signalled;
    private RollupSnapshot? _snapshot;

    public RollupCube(TSource source, IServiceScopeFactory scopes, ILogger<RollupCube<TSource>> logger)
    {
        _source = source;
        _scopes = scopes;
        _logger = logger;
        source.Subscribe(OnChanged);
    }

    public PopulationShape Shape => _source.Shape;

    /// <summary>How long the last full build and the last refresh took (for the page footer and the bench).</summary>
    public TimeSpan LastBuild { get; private set; }
    public TimeSpan LastRefresh { get; private set; }

    public async ValueTask<RollupSnapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Version >= Interlocked.Read(ref _signalled))
        {
            return snapshot;
        }
        await RefreshAsync(ct);
        return Volatile.Read(ref _snapshot)!;
    }

    /// <summary>Drops the snapshot so the next read rebuilds from the census (repair, or the bench's repeated builds).</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await BuildAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void OnChanged(IReadOnlyCollection<Guid> schools)
    {
        lock (_pendingLock)
        {
            _pending.UnionWith(schools);
        }
        // Signal after queueing: a reader that sees the new count is sure to find the schools pending.
        Interlocked.Increment(ref _signalled);
        _ = Task.Run(async () =>
        {
            try
            {
                await RefreshAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // The next reader retries; the census itself is exact, only this cache is behind.
                _logger.LogWarning("Statistics refresh failed: {ExceptionType}", e.GetType().Name);
            }
        });
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var signalled = Interlocked.Read(ref _signalled);
            if (_snapshot is null)
            {
                await BuildAsync(ct);
                return;
            }
            if (_snapshot.Version >= signalled)
            {
                return;
            }
            var schools = TakePending();
            var clock = Stopwatch.StartNew();
            if (schools.Count > 0)
            {
                await using var scope = _scopes.CreateAsyncScope();
                var facts = await _source.ReadSchoolsAsync(scope.ServiceProvider, schools, ct);
                var nodes = ToSchools(facts).ToDictionary(s => s.Id);
                // A school that lost its last cell is replaced by an empty one, so its old figures are subtracted.
                var changed = schools.Select(id => nodes.GetValueOrDefault(id) ?? EmptySchool(_snapshot, id)).OfType<SchoolNode>().ToList();
                Volatile.Write(ref _snapshot, _snapshot.With(changed, signalled));
            }
            else
            {
                Volatile.Write(ref _snapshot, _snapshot.WithVersion(signalled));
            }
            LastRefresh = clock.Elapsed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        var signalled = Interlocked.Read(ref _signalled);
        TakePending();
        var clock = Stopwatch.StartNew();
        await using var scope = _scopes.CreateAsyncScope();
        var schools = new List<SchoolNode>();
        await foreach (var school in _source.ReadAllAsync(scope.ServiceProvider, ct))
        {
            schools.Add(school);
        }
        Volatile.Write(ref _snapshot, RollupSnapshot.Build(_source.Shape, schools, signalled));
        LastBuild = clock.Elapsed;
    }

    private HashSet<Guid> TakePending()
    {
        lock (_pendingLock)
        {
            var taken = _pending;
            _pending = [];
            return taken;
        }
    }

    private static SchoolNode? EmptySchool(RollupSnapshot snapshot, Guid id) =>
        snapshot.Schools.GetValueOrDefault(id) is { } old ? old with { Cells = [] } : null;

    /// <summary>Groups facts by school; the facts of one school arrive together or not, either is fine.</summary>
    internal static IEnumerable<SchoolNode> ToSchools(IEnumerable<SchoolFact> facts)
    {
        var bySchool = new Dictionary<Guid, (SchoolFact First, List<Cell> Cells)>();
        foreach (var fact in facts)
        {
            if (!bySchool.TryGetValue(fact.SchoolId, out var entry))
            {
                bySchool[fact.SchoolId] = entry = (fact, []);
            }
            entry.Cells.Add(fact.Cell);
        }
        return bySchool.Values.Select(e => new SchoolNode(e.First.SchoolId, e.First.ProvinceCode, e.First.CityCode, e.First.CountyCode, [.. e.Cells]));
    }
}
