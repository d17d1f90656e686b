using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Trends;

/// <summary>
/// After one school's return of a year is approved or sent back: the school's own rows are replaced and the
/// difference is added to its four regions' rows (nation, province, city, county). Every figure of a region is a
/// sum of its schools' figures, so this is exact and costs the same at 500,000 schools as at 10, where retaking the
/// whole year (<see cref="TakeYearlySnapshot"/>) rewrites every row. The increments are single UPDATE statements,
/// so two approvals under the same county at once both count. A year with no snapshot yet is taken whole.
/// </summary>
internal static class UpdateSchoolInSnapshot
{
    public static async Task HandleAsync(MonitoringDbContext db, IReadOnlyList<CompiledIndicator> indicators, Guid schoolId, int year, DateTime now, CancellationToken ct)
    {
        if (!await db.IndicatorYears.AnyAsync(x => x.Year == year, ct))
        {
            await TakeYearlySnapshot.HandleAsync(db, indicators, year, now, ct);
            return;
        }
        var returns = await db.Returns.AsNoTracking().Where(r => r.SchoolId == schoolId && r.Year == year && r.IsCurrent).ToListAsync(ct);
        var place = returns.FirstOrDefault();
        if (place is null)
        {
            return;
        }
        var approved = returns.FirstOrDefault(r => r.Status == ReturnStatus.Approved);
        var fresh = approved is null ? null : TakeYearlySnapshot.SchoolRows(indicators, SchoolFigures.Compute(indicators, approved), year, now);
        var node = schoolId.ToString();
        var old = await db.IndicatorYears.AsNoTracking().Where(x => x.Year == year && x.Node == node).ToDictionaryAsync(x => x.IndicatorKey, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.IndicatorYears.Where(x => x.Year == year && x.Node == node).ExecuteDeleteAsync(ct);
        if (fresh is not null)
        {
            db.IndicatorYears.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        var freshByKey = fresh?.ToDictionary(x => x.IndicatorKey) ?? [];
        foreach (var key in indicators.Select(i => i.Row.Key))
        {
            var before = old.GetValueOrDefault(key);
            var after = freshByKey.GetValueOrDefault(key);
            var delta = new Delta((after?.Schools ?? 0) - (before?.Schools ?? 0), (after?.WithValue ?? 0) - (before?.WithValue ?? 0),
                (after?.WithTarget ?? 0) - (before?.WithTarget ?? 0), (after?.Met ?? 0) - (before?.Met ?? 0), (after?.Sum ?? 0) - (before?.Sum ?? 0));
            if (delta.IsZero)
            {
                continue;
            }
            foreach (var region in new[] { IndicatorRollup.National, place.ProvinceCode, place.CityCode, place.CountyCode })
            {
                await AddAsync(db, year, region, key, delta, now, ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private sealed record Delta(int Schools, int WithValue, int WithTarget, int Met, double Sum)
    {
        public bool IsZero => Schools == 0 && WithValue == 0 && WithTarget == 0 && Met == 0 && Math.Abs(Sum) < 1e-12;
    }

    private static async Task AddAsync(MonitoringDbContext db, int year, string region, string key, Delta d, DateTime now, CancellationToken ct)
    {
        var changed = await db.IndicatorYears.Where(x => x.Year == year && x.Node == region && x.IndicatorKey == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Schools, x => x.Schools + d.Schools)
                .SetProperty(x => x.WithValue, x => x.WithValue + d.WithValue)
                .SetProperty(x => x.WithTarget, x => x.WithTarget + d.WithTarget)
                .SetProperty(x => x.Met, x => x.Met + d.Met)
                .SetProperty(x => x.Sum, x => x.Sum + d.Sum)
                .SetProperty(x => x.TakenAt, now), ct);
        if (changed == 0)
        {
            // The region's first school of the year: its row is the school's own contribution.
            db.IndicatorYears.Add(new IndicatorYear
            {
                Year = year, Node = region, IndicatorKey = key, Schools = d.Schools, WithValue = d.WithValue, WithTarget = d.WithTarget, Met = d.Met,
                Sum = d.Sum, TakenAt = now,
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
