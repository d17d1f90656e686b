using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>
/// The responsible administrator acknowledges an alert (确认) or closes it (关闭, a note is required); each step is a
/// row of the alert's audit trail. Someone who sees the alert but is not its administrator is refused (audited).
/// </summary>
internal static class TakeAlertStep
{
    public sealed record Request(string? Note);

    public static async Task HandleAsync(MonitoringDbContext db, AuditTrail audit, TimeProvider clock, Guid id, string triggerName, string? note, CancellationToken ct)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该预警");
        if (!Enum.TryParse<AlertTrigger>(triggerName, ignoreCase: true, out var trigger) || !Enum.IsDefined(trigger))
        {
            throw ValidationFailedException.For("trigger", "未知的预警操作");
        }
        if (!AlertWorkflow.IsResponsible(db.Actor, alert))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(Alert), alert.Id.ToString(), AuditOutcome.Denied, trigger.ToString(), ScopeKey.Of(alert), ct);
            throw new ForbiddenException("该预警不是分派给您的，无权处理");
        }
        var transition = AlertWorkflow.Find(alert, trigger);
        var text = note?.Trim() ?? "";
        if (transition.NeedsNote && text.Length == 0)
        {
            throw ValidationFailedException.For("note", "关闭预警时请填写处理说明");
        }
        if (text.Length > 1000)
        {
            throw ValidationFailedException.For("note", "处理说明不能超过1000个字符");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var from = alert.Status;
        alert.Status = transition.To;
        alert.UpdatedAt = now;
        alert.Revision++;
        db.AlertEvents.Add(AlertEvent.Of(alert, from, db.Actor, text.Length > 0 ? text : null, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("status", "该预警刚被处理或已自动解除，请刷新后重试");
        }
    }

    public static async Task<Ok<AlertDetailDto>> EndpointAsync(MonitoringDbContext db, EvaluateAlerts rules, AuditTrail audit, TimeProvider clock,
        Guid id, string trigger, Request? request, CancellationToken ct)
    {
        await HandleAsync(db, audit, clock, id, trigger, request?.Note, ct);
        return TypedResults.Ok(await GetAlert.HandleAsync(db, rules, id, ct));
    }
}
