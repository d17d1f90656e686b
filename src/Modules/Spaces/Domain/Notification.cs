namespace EduCloud.Spaces.Domain;

/// <summary>
/// 站内提醒: "you have a new notice / message", written by the fan-out when the recipient's preferences allow it.
/// During the recipient's quiet hours it is held until <see cref="ShowFrom"/>. The person's own inbox, not a place.
/// </summary>
internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RecipientId { get; set; }
    public NotificationKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ShowFrom { get; set; }
    public DateTime? SeenAt { get; set; }
}

internal enum NotificationKind
{
    Notice = 1,
    Message = 2,
    PlanActivity = 3,
}

/// <summary>通知偏好: which kinds of in-site notification an account receives, and its quiet hours (Beijing time).</summary>
internal sealed class Preference
{
    public Guid AccountId { get; set; }
    public bool Notices { get; set; } = true;
    public bool Messages { get; set; } = true;
    public bool PlanActivity { get; set; } = true;
    /// <summary>免打扰 from this minute of the day (Beijing time); null for none. May wrap past midnight (22:00-07:00).</summary>
    public int? QuietFromMinute { get; set; }
    public int? QuietToMinute { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool Wants(NotificationKind kind) => kind switch
    {
        NotificationKind.Notice => Notices,
        NotificationKind.Message => Messages,
        _ => PlanActivity,
    };
}
