using System.Diagnostics;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Indicators;

/// <summary>
/// The platform's in-memory indicator values: loaded once from the approved returns with a full recompute, then on
/// every province approval moved by that one school (IndicatorRollup.With: the four nodes above it), so an approval
/// shows on every level's dashboard at once (no GROUP BY per dashboard view). It is a platform cache, not a
/// scoped query: ReadDashboard checks the caller's scope before answering from it.
/// </summary>
internal sealed class IndicatorBoard
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IndicatorRollup? _rollup;

    /// <summary>How long the last recompute took, full or one approval's (shown on the API so it can be watched).</summary>
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
            var schools = new Dictionary<Guid, SchoolFigures>();
            foreach (var row in approved.GroupBy(r => r.SchoolId).Select(g => g.MaxBy(r => r.Year)!))
            {
                schools[row.School] = SchoolFigures.Compute(indicators, row);
            }
            var watch = Stopwatch.StartNew();
            var rollup = IndicatorRollup.Build(indicators, schools);
            LastRecompute = watch.Elapsed;
            _rollup = rollup;
            return rollup;
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
            // Read again under the gate: another approval may have moved the board since CurrentAsync.
            // If it was invalidated meanwhile, the next read reloads from the database, this approval included.
            if (_rollup is not { } latest)
            {
                return;
            }
            current = latest;
            if (current.Schools.TryGetValue(row.School, out var existing) && existing.Year > row.Year)
            {
                return;
            }
            var watch = Stopwatch.StartNew();
            _rollup = current.With(SchoolFigures.Compute(current.Indicators, row));
            LastRecompute = watch.Elapsed;
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
}
