namespace EduCloud.Spaces.Domain;

/// <summary>
/// 家校沟通: one conversation between a teacher and a parent about one child. Private to its two participants, so it
/// is deliberately not placed in the tree (place-based visibility would open it to administrators); every read and
/// write checks participation.
/// </summary>
internal sealed class MessageThread
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeacherId { get; set; }
    public string TeacherName { get; set; } = "";
    public Guid ParentId { get; set; }
    public string ParentName { get; set; } = "";
    public Guid ChildId { get; set; }
    public string ChildName { get; set; } = "";
    public DateTime LastAt { get; set; }
    public string LastText { get; set; } = "";
    public int UnreadByTeacher { get; set; }
    public int UnreadByParent { get; set; }

    public bool Has(Guid accountId) => TeacherId == accountId || ParentId == accountId;
}

internal sealed class Message
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public Guid SenderId { get; set; }
    public string SenderName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime SentAt { get; set; }
}
