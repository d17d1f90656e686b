using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// 学籍异动: one change of a student's status, with its reason code and the date it takes effect. Changes are never
/// edited or deleted; a mistaken one is undone by a Cancellation change that points at it. The row is placed at the
/// school where the change happened, so each school keeps its part; the student's whole history is read through the
/// student record, wherever the student now is.
/// </summary>
internal sealed class StatusChange : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public ChangeKind Kind { get; set; }
    /// <summary>异动原因 code (JY/T 1001 style two-digit code); see ChangeReasons.</summary>
    public string ReasonCode { get; set; } = "";
    public string? Note { get; set; }
    public DateOnly EffectiveOn { get; set; }

    public EnrolmentStatus? FromStatus { get; set; }
    public EnrolmentStatus ToStatus { get; set; }
    public Guid? FromSchoolId { get; set; }
    public Guid? ToSchoolId { get; set; }
    public Guid? FromClassId { get; set; }
    public Guid? ToClassId { get; set; }
    public int? FromGradeLevel { get; set; }
    public int? ToGradeLevel { get; set; }
    public Stage? FromStage { get; set; }
    public Stage? ToStage { get; set; }

    /// <summary>The transfer or batch (promotion, import) this change belongs to, if any.</summary>
    public Guid? BatchId { get; set; }
    /// <summary>Set on a Cancellation: the change it undoes. Set on the undone change: the cancellation.</summary>
    public Guid? CancelsChangeId { get; set; }
    public Guid? CancelledByChangeId { get; set; }

    public Guid? RecordedBy { get; set; }
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>学籍异动类别.</summary>
internal enum ChangeKind
{
    Admission = 1,
    Promotion = 2,
    Repeat = 3,
    Skip = 4,
    Transfer = 5,
    Suspension = 6,
    Resumption = 7,
    Withdrawal = 8,
    Graduation = 9,
    Cancellation = 10,
    /// <summary>临时学籍号转正: an L number replaced by the G number once the ID is confirmed.</summary>
    NumberConfirmation = 11,
    /// <summary>Class change within the school (调班).</summary>
    ClassChange = 12,
}
