using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Features.Indicators;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Trends;

/// <summary>One year of an indicator at a node: schools with an approved return that year, meeting the target, the share and the average.</summary>
public sealed record TrendPointDto(int Year, int Schools, int WithValue, int WithTarget, int Met, double? ShareMet, double? Average);

public sealed record TrendDto(string Indicator, string IndicatorName, string Display, string Unit, string Node, IReadOnlyList<TrendPointDto> Years);

/// <summary>
/// The trend chart's read: the yearly snapshots (mon_indicator_year) of one indicator at one node, oldest first.
/// The node is checked against the caller's scope exactly as the dashboard does (DashboardNode).
/// </summary>
internal static class ReadTrend
{
    public static async Task<TrendDto> HandleAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        string? indicatorKey, string? node, CancellationToken ct)
    {
        var actor = db.Actor;
        if (!actor.Scope.IsSystem && !actor.Roles.Any(r => r.IsAdministrator()))
        {
            throw new ForbiddenException("无权查看监测数据");
        }
        var rollup = await board.CurrentAsync(db, ct);
        var index = string.IsNullOrWhiteSpace(indicatorKey) ? Math.Max(0, rollup.IndexOf("bandwidthPerClass")) : rollup.IndexOf(indicatorKey);
        if (index < 0)
        {
            throw ValidationFailedException.For("indicator", "未知的监测指标");
        }
        var at = await DashboardNode.ResolveAsync(rollup, org, actor, audit, node, ct);
        var key = rollup.Indicators[index].Row.Key;
        var rows = await db.IndicatorYears.AsNoTracking().Where(x => x.Node == at.Code && x.IndicatorKey == key).OrderBy(x => x.Year).ToListAsync(ct);
        var indicator = rollup.Indicators[index].Row;
        return new TrendDto(key, indicator.Name, indicator.Display, indicator.Unit, at.Code, rows.Select(x => new TrendPointDto(x.Year, x.Schools, x.WithValue,
            x.WithTarget, x.Met, x.WithTarget == 0 ? null : (double)x.Met / x.WithTarget, x.WithValue == 0 ? null : x.Sum / x.WithValue)).ToList());
    }

    public static async Task<Ok<TrendDto>> EndpointAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        string? indicator, string? node, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, board, org, audit, indicator, node, ct));
}
