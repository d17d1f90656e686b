using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;

namespace EduCloud.Monitoring.Domain;

internal enum AlertTrigger
{
    Acknowledge = 1,
    Close = 2,
}

internal sealed record AlertTransition(AlertStatus From, AlertTrigger Trigger, AlertStatus To, bool NeedsNote);

/// <summary>
/// What the responsible administrator may do with an alert, as a table. Only the role the alert is routed to (the
/// subject's own administrator), inside their managed scope, takes these steps; those above see it but do not act.
/// Resolution is the evaluator's, not a step anyone takes.
/// </summary>
internal static class AlertWorkflow
{
    public static readonly IReadOnlyList<AlertTransition> Table =
    [
        new(AlertStatus.Open, AlertTrigger.Acknowledge, AlertStatus.Acknowledged, NeedsNote: false),
        new(AlertStatus.Open, AlertTrigger.Close, AlertStatus.Closed, NeedsNote: true),
        new(AlertStatus.Acknowledged, AlertTrigger.Close, AlertStatus.Closed, NeedsNote: true),
    ];

    public static bool IsResponsible(ICurrentActor actor, Alert alert) =>
        actor.Scope.IsSystem || (actor.Roles.Any(r => r.ToString() == alert.RoutedTo) && actor.Scope.CanManage(ScopeKey.Of(alert)));

    public static IEnumerable<AlertTrigger> AllowedFor(ICurrentActor actor, Alert alert) =>
        IsResponsible(actor, alert) ? Table.Where(t => t.From == alert.Status).Select(t => t.Trigger) : [];

    public static AlertTransition Find(Alert alert, AlertTrigger trigger) =>
        Table.FirstOrDefault(t => t.From == alert.Status && t.Trigger == trigger)
        ?? throw new ConflictException("status", $"预警当前状态为“{Alert.StatusName(alert.Status)}”，不能执行“{TriggerName(trigger)}”");

    public static string TriggerName(AlertTrigger trigger) => trigger == AlertTrigger.Acknowledge ? "确认" : "关闭";
}
