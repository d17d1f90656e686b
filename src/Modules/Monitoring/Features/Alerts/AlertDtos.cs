using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Domain;

namespace EduCloud.Monitoring.Features.Alerts;

public sealed record AlertDto(Guid Id, string RuleId, string RuleName, string Severity, string SeverityName, string Level, string SubjectKey,
    string SubjectName, Guid? SchoolId, string CountyCode, string RoutedTo, string Status, string StatusName, string Finding, double? Value,
    string? Advice, DateTime RaisedAt, DateTime UpdatedAt, DateTime? ClearedAt, IReadOnlyList<string> Actions);

public sealed record AlertEventDto(string? From, string To, string ToName, string ActorName, string? Note, DateTime At);

public sealed record AlertDetailDto(AlertDto Alert, IReadOnlyList<AlertEventDto> History);

internal static class AlertDtos
{
    public static AlertDto Of(Alert a, ICurrentActor actor, IReadOnlyList<AlertRule> rules) => new(a.Id, a.RuleId, a.RuleName, a.Severity,
        AlertRule.SeverityName(a.Severity), a.Level, a.SubjectKey, a.SubjectName, a.SchoolId, a.CountyCode, a.RoutedTo, a.Status.ToString(),
        Alert.StatusName(a.Status), a.Finding, a.Value, rules.FirstOrDefault(r => r.Id == a.RuleId)?.Advice, a.RaisedAt, a.UpdatedAt, a.ClearedAt,
        AlertWorkflow.AllowedFor(actor, a).Select(t => t.ToString()).ToList());

    public static AlertEventDto Of(AlertEvent e) => new(e.From?.ToString(), e.To.ToString(), Alert.StatusName(e.To), e.ActorName, e.Note, e.At);
}
