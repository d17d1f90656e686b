using EduCloud.Kernel.Scope;

namespace EduCloud.Teachers.Domain;

/// <summary>
/// 教师变动记录 (teacher history): registration, status changes and transfers, never edited. Placed where the change
/// happened; read through the teacher (whoever sees the record sees its whole history, wherever it was written).
/// </summary>
internal sealed class TeacherChange : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeacherId { get; set; }
    public ChangeKind Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public TeacherStatus? FromStatus { get; set; }
    public TeacherStatus? ToStatus { get; set; }
    public Guid? FromSchoolId { get; set; }
    public string? FromSchoolName { get; set; }
    public Guid? ToSchoolId { get; set; }
    public string? ToSchoolName { get; set; }
    public Guid? TransferId { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAt { get; set; }
    public string RecordedByName { get; set; } = "";

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public static TeacherChange For(TeacherRecord teacher, ChangeKind kind, DateOnly effectiveOn, DateTime now, string? by) => new()
    {
        TeacherId = teacher.Id,
        Kind = kind,
        EffectiveOn = effectiveOn,
        RecordedAt = now,
        RecordedByName = by ?? "system",
        ProvinceCode = teacher.ProvinceCode,
        CityCode = teacher.CityCode,
        CountyCode = teacher.CountyCode,
        SchoolId = teacher.SchoolId,
    };
}

internal enum ChangeKind
{
    /// <summary>建档</summary>
    Registered = 1,
    /// <summary>任职状态变更 (退休, 离岗, 调出, 复岗)</summary>
    StatusChanged = 2,
    /// <summary>调动</summary>
    Transferred = 3,
}
