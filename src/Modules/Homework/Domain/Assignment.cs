using EduCloud.Assessment.Contracts;
using EduCloud.Kernel.Scope;

namespace EduCloud.Homework.Domain;

/// <summary>
/// 作业 (homework assignment) for one class. A teacher setting homework for several classes gets one row per class,
/// tied by <see cref="SetId"/>: each class is followed, marked and analysed on its own, and the row sits at its class,
/// so the class's teachers and the school's administrators see it by place.
/// </summary>
internal sealed class Assignment : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The rows created together for several classes.</summary>
    public Guid SetId { get; set; }
    public Guid TeacherId { get; set; }
    public string TeacherName { get; set; } = "";
    public string ClassName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Instructions { get; set; } = "";
    public string Subject { get; set; } = "";
    public double MaxScore { get; set; }
    /// <summary>UTC.</summary>
    public DateTime DueAt { get; set; }
    public DeadlineRule Deadline { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Closed early by the teacher: no more submissions, whatever the rule.</summary>
    public DateTime? ClosedAt { get; set; }
    /// <summary>Files of <see cref="HomeworkFile"/>, in the order the teacher attached them.</summary>
    public List<Guid> AttachmentIds { get; set; } = [];
    /// <summary>Questions from the item bank (Assessment's IItemBank), in order; kept as references to the version set, with their points.</summary>
    public List<AssignmentItem> Items { get; set; } = [];
    /// <summary>
    /// The points of the objective bank items, marked automatically on submission. <see cref="MaxScore"/> includes
    /// them: the teacher marks MaxScore - AutoPoints (written work and short-answer items).
    /// </summary>
    public double AutoPoints { get; set; }
    public int Revision { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public bool IsOpen(DateTime now) => ClosedAt is null && (Deadline == DeadlineRule.Soft || now <= DueAt);
}

/// <summary>A bank item in the homework: which item, its points here, and whether it is marked automatically.</summary>
internal sealed class AssignmentItem
{
    public Guid ItemId { get; set; }
    /// <summary>The item's version when the homework was set (0: set before versions were kept, read as the item now).</summary>
    public int Version { get; set; }
    public int Points { get; set; }
    public bool Objective { get; set; }

    public BankItemRef Ref => new(ItemId, Version);

    /// <summary>Each class's row owns its own list (EF tracks owned JSON entities per owner).</summary>
    public AssignmentItem Copy() => (AssignmentItem)MemberwiseClone();
}

/// <summary>截止规则: soft accepts late work and marks it late; hard refuses it after the due time.</summary>
internal enum DeadlineRule
{
    Soft = 1,
    Hard = 2,
}

/// <summary>评分细则 (rubric) criterion of one assignment; the criteria's points add up to the assignment's maximum.</summary>
internal sealed class Criterion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssignmentId { get; set; }
    public int SortOrder { get; set; }
    public string Name { get; set; } = "";
    public double Points { get; set; }
}

/// <summary>
/// A checked file (through the kernel's FileIntake) uploaded by a teacher or student, kept by SHA-256 in the blob
/// store. Not scoped: it is reached only through the assignment or submission that lists it, which are.
/// </summary>
internal sealed class HomeworkFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public string Sha256 { get; set; } = "";
    public long Bytes { get; set; }
    public string Format { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
}
