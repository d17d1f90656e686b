using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>
/// The alerts the caller may see (the kernel's scope filter: their own school or region and everything below),
/// newest first. status: active (open or acknowledged, the default), open, acknowledged, closed, resolved or all;
/// mine=true keeps those routed to the caller's own role (the ones they act on).
/// </summary>
internal static class ListAlerts
{
    public const int MaxRows = 500;

    public static async Task<IReadOnlyList<AlertDto>> HandleAsync(MonitoringDbContext db, EvaluateAlerts rules, string? status, bool mine, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking();
        query = (status ?? "active").ToLowerInvariant() switch
        {
            "active" => query.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged),
            "all" => query,
            var s when Enum.TryParse<AlertStatus>(s, ignoreCase: true, out var one) => query.Where(a => a.Status == one),
            _ => throw ValidationFailedException.For("status", "状态应为 active、open、acknowledged、closed、resolved 或 all"),
        };
        if (mine)
        {
            var roles = db.Actor.Roles.Select(r => r.ToString()).ToList();
            query = query.Where(a => roles.Contains(a.RoutedTo));
        }
        var rows = await query.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Id).Take(MaxRows).ToListAsync(ct);
        return rows.Select(a => AlertDtos.Of(a, db.Actor, rules.Rules)).ToList();
    }

    public static async Task<Ok<IReadOnlyList<AlertDto>>> EndpointAsync(MonitoringDbContext db, EvaluateAlerts rules, string? status, bool? mine, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, rules, status, mine ?? false, ct));
}
