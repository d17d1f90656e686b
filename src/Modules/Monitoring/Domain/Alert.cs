using EduCloud.Kernel.Scope;

namespace EduCloud.Monitoring.Domain;

/// <summary>Where an alert stands. Open → Acknowledged → Closed by the administrator; Resolved when its condition clears.</summary>
internal enum AlertStatus
{
    /// <summary>待处理</summary>
    Open = 1,
    /// <summary>已确认</summary>
    Acknowledged = 2,
    /// <summary>已关闭 (by the administrator, with a note)</summary>
    Closed = 3,
    /// <summary>已自动解除 (the condition no longer holds)</summary>
    Resolved = 4,
}

/// <summary>
/// 预警: one rule's hit on one subject (a school or a region). At most one live alert per rule × subject: an alert is
/// live until its condition is seen to clear (<see cref="ClearedAt"/>), so a closed alert whose condition persists is
/// not raised again, and one that clears and comes back is a new alert. Scoped to the subject, so the kernel's filter
/// shows it to the subject's administrators and those above, and to no one else.
/// </summary>
internal sealed class Alert : IScopedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string RuleId { get; init; } = "";
    public string RuleName { get; init; } = "";
    public string Severity { get; init; } = "";
    /// <summary>school, county, city or province.</summary>
    public string Level { get; init; } = "";
    /// <summary>The school id or region code the rule looked at.</summary>
    public string SubjectKey { get; init; } = "";
    public string SubjectName { get; set; } = "";
    /// <summary>The role of the administrator the alert is routed to (SchoolAdmin for a school, CountyAdmin for a county, ...).</summary>
    public string RoutedTo { get; init; } = "";
    public AlertStatus Status { get; set; } = AlertStatus.Open;
    /// <summary>What was seen, in words (value against target or threshold), updated on each evaluation while live.</summary>
    public string Finding { get; set; } = "";
    public double? Value { get; set; }
    public DateTime RaisedAt { get; init; }
    public DateTime? ClearedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }

    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public Guid? SchoolId { get; init; }
    public Guid? ClassId { get; init; }

    public bool IsLive => ClearedAt is null;

    public static string StatusName(AlertStatus status) => status switch
    {
        AlertStatus.Open => "待处理",
        AlertStatus.Acknowledged => "已确认",
        AlertStatus.Closed => "已关闭",
        _ => "已自动解除",
    };
}

/// <summary>One state change of an alert (the audit trail shown on its page; never edited).</summary>
internal sealed class AlertEvent : IScopedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AlertId { get; init; }
    public AlertStatus? From { get; init; }
    public AlertStatus To { get; init; }
    public Guid? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string? Note { get; init; }
    public DateTime At { get; init; }

    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public Guid? SchoolId { get; init; }
    public Guid? ClassId { get; init; }

    public static AlertEvent Of(Alert alert, AlertStatus? from, ICurrentActor actor, string? note, DateTime at) => new()
    {
        AlertId = alert.Id,
        From = from,
        To = alert.Status,
        ActorId = actor.UserId,
        ActorName = actor.Scope.IsSystem ? "系统" : actor.DisplayName ?? "",
        Note = note,
        At = at,
        ProvinceCode = alert.ProvinceCode,
        CityCode = alert.CityCode,
        CountyCode = alert.CountyCode,
        SchoolId = alert.SchoolId,
    };
}
