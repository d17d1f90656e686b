using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>One alert with its audit trail (every state change: who, when, note). Outside the caller's scope: 404.</summary>
internal static class GetAlert
{
    public static async Task<AlertDetailDto> HandleAsync(MonitoringDbContext db, EvaluateAlerts rules, Guid id, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该预警");
        var history = await db.AlertEvents.AsNoTracking().Where(e => e.AlertId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return new AlertDetailDto(AlertDtos.Of(alert, db.Actor, rules.Rules), history.Select(AlertDtos.Of).ToList());
    }

    public static async Task<Ok<AlertDetailDto>> EndpointAsync(MonitoringDbContext db, EvaluateAlerts rules, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, rules, id, ct));
}
