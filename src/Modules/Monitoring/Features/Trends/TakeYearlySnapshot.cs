using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Trends;

/// <summary>
/// Takes (or retakes) one year's snapshot: every indicator at every node (national, province, city, county, school)
/// over the returns approved for that year, replacing the year's earlier rows. Runs as the platform (called by
/// the scheduled run, and for a year's first approval). O(schools of the year × indicators); one approval uses
/// <see cref="UpdateSchoolInSnapshot"/> instead.
/// </summary>
internal static class TakeYearlySnapshot
{
    public static async Task<int> HandleAsync(MonitoringDbContext db, IReadOnlyList<CompiledIndicator> indicators, int year, DateTime now, CancellationToken ct)
    {
        var approved = await db.Returns.AsNoTracking().Where(r => r.Year == year && r.IsCurrent && r.Status == ReturnStatus.Approved).ToListAsync(ct);
        var schools = approved.Select(r => SchoolFigures.Compute(indicators, r)).ToDictionary(s => s.SchoolId);
        var rollup = IndicatorRollup.Build(indicators, schools);
        var rows = new List<IndicatorYear>();
        foreach (var (node, figures) in rollup.Nodes)
        {
            rows.AddRange(indicators.Select((c, i) => Row(year, node, c.Row.Key, figures.Schools, figures.WithValue[i], figures.WithTarget[i], figures.Met[i], figures.Sum[i], now)));
        }
        foreach (var s in schools.Values)
        {
            rows.AddRange(SchoolRows(indicators, s, year, now));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.IndicatorYears.Where(x => x.Year == year).ExecuteDeleteAsync(ct);
        db.IndicatorYears.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>A school's own rows: what it adds to each region above it.</summary>
    public static IEnumerable<IndicatorYear> SchoolRows(IReadOnlyList<CompiledIndicator> indicators, SchoolFigures s, int year, DateTime now) =>
        indicators.Select((c, i) => Row(year, s.SchoolId.ToString(), c.Row.Key, 1, s.Values[i] is null ? 0 : 1,
            s.Met(i) is null ? 0 : 1, s.Met(i) == true ? 1 : 0, s.Values[i] ?? 0, now)).ToList();

    /// <summary>The years with an approved return (what the scheduled run snapshots).</summary>
    public static async Task<List<int>> YearsAsync(MonitoringDbContext db, CancellationToken ct) =>
        await db.Returns.Where(r => r.IsCurrent && r.Status == ReturnStatus.Approved).Select(r => r.Year).Distinct().OrderBy(y => y).ToListAsync(ct);

    private static IndicatorYear Row(int year, string node, string key, int schools, int withValue, int withTarget, int met, double sum, DateTime now) => new()
    {
        Year = year,
        Node = node,
        IndicatorKey = key,
        Schools = schools,
        WithValue = withValue,
        WithTarget = withTarget,
        Met = met,
        Sum = sum,
        TakenAt = now,
    };
}
