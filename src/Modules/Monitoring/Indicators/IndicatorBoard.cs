using System.Diagnostics;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Indicators;

/// <summary>
/// The platform's in-memory indicator values: loaded once from the approved returns, then updated on every province
/// approval by recomputing the whole rollup in memory (no GROUP BY per dashboard view). It is a platform cache, not a
/// scoped query: ReadDashboard checks the caller's scope before answering from it.
/// </summary>
internal sealed class IndicatorBoard
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Guid, SchoolFigures> _schools = [];
    private volatile IndicatorRollup? _rollup;

    /// <summary>How long the last full recompute took (shown on the API so it can be watched).</summary>
    public TimeSpan LastRecompute { get; private set; }

    public async Task<IndicatorRollup> CurrentAsync(MonitoringDbContext db, CancellationToken ct)
    {
        if (_rollup is { } ready)
        {
            return ready;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_rollup is { } loaded)
            {
                return loaded;
            }
            var indicators = (await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct)).Select(CompiledIndicator.Of).ToList();
            // The platform's own read of every approved return (a cache for all callers; never handed out unfiltered).
            var approved = await db.Returns.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.IsCurrent && r.Status == ReturnStatus.Approved).ToListAsync(ct);
            _schools.Clear();
            foreach (var row in approved.GroupBy(r => r.SchoolId).Select(g => g.MaxBy(r => r.Year)!))
            {
                _schools[row.School] = SchoolFigures.Compute(indicators, row);
            }
            return Recompute(indicators);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A return was approved by the province: its school's values change and every level is recomputed.</summary>
    public async Task ApprovedAsync(MonitoringDbContext db, AnnualReturn row, CancellationToken ct)
    {
        var current = await CurrentAsync(db, ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (_schools.TryGetValue(row.School, out var existing) && existing.Year > row.Year)
            {
                return;
            }
            _schools[row.School] = SchoolFigures.Compute(current.Indicators, row);
            Recompute(current.Indicators);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the loaded board holds the school (false when not loaded yet).</summary>
    public bool IsLoaded(Guid schoolId) => _rollup is { } r && r.Schools.ContainsKey(schoolId);

    /// <summary>An approved return was sent back: the school falls back to an earlier year, so reload on next use.</summary>
    public void Invalidate() => _rollup = null;

    private IndicatorRollup Recompute(IReadOnlyList<CompiledIndicator> indicators)
    {
        var watch = Stopwatch.StartNew();
        var rollup = IndicatorRollup.Build(indicators, new Dictionary<Guid, SchoolFigures>(_schools));
        LastRecompute = watch.Elapsed;
        _rollup = rollup;
        return rollup;
    }
}
