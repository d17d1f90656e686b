using EduCloud.Kernel.Scope;

namespace EduCloud.Spaces.Domain;

/// <summary>
/// 通知 (家校通知 when it goes to parents): sent once, to the recipients resolved at send time. The notice itself is not
/// placed in the tree because it may span classes or schools; who may read it follows from its targets and receipts
/// (both scoped) or from having sent it. Audited as a whole.
/// </summary>
internal sealed class Notice : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SenderId { get; set; }
    public string SenderName { get; set; } = "";
    public SenderKind SenderKind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public Audience Audience { get; set; }
    /// <summary>需要回执: recipients are asked to acknowledge with one click.</summary>
    public bool NeedsAcknowledgement { get; set; }
    /// <summary>"三年级1班、三年级2班" or the school names, as addressed.</summary>
    public string TargetNames { get; set; } = "";
    public int RecipientCount { get; set; }
    public DateTime SentAt { get; set; }
}

internal enum SenderKind
{
    Teacher = 1,
    School = 2,
    Bureau = 3,
}

/// <summary>Who at the targets receives the notice.</summary>
internal enum Audience
{
    Parents = 1,
    Students = 2,
    ParentsAndStudents = 3,
    /// <summary>School administrators and teachers (a bureau's notice to schools, or a school's to its staff).</summary>
    Staff = 4,
    /// <summary>Staff, students and parents of a whole school.</summary>
    Everyone = 5,
}

/// <summary>A class or school a notice was addressed to: the class and school spaces list notices through these.</summary>
internal sealed class NoticeTarget : IDerivedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NoticeId { get; set; }
    public DateTime SentAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>
/// 回执: one recipient of one notice, when they read it and when they acknowledged it. Placed at the class (or school)
/// it was addressed through, so the sender's class and the school's administrators see it; the recipient sees it as theirs.
/// Derived from the audited notice: written with it, not guarded row by row.
/// </summary>
internal sealed class Receipt : IDerivedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NoticeId { get; set; }
    public Guid RecipientId { get; set; }
    public string RecipientName { get; set; } = "";
    public Role RecipientRole { get; set; }
    /// <summary>For a parent: the children through whom they receive it ("张三、张四").</summary>
    public string? ChildNames { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(RecipientId))]
    public Guid PersonId => RecipientId;
}

/// <summary>A checked file (FileIntake) uploaded by a sender, attached to a notice once it is sent.</summary>
internal sealed class Attachment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public Guid? NoticeId { get; set; }
    public string Sha256 { get; set; } = "";
    public long Bytes { get; set; }
    public string Format { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
