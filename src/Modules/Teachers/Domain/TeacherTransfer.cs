using EduCloud.Kernel.Scope;

namespace EduCloud.Teachers.Domain;

/// <summary>
/// 教师调动 (teacher transfer) between two schools. Not scoped itself: both sides and their bureaus must see it, and a
/// row has one place. Who sees and who decides is carried by its <see cref="TransferStep"/> rows, each placed at its
/// approver's node, so the scope filter lists a transfer to its parties and the scope guard refuses (403, audited)
/// an approval by anyone else.
/// </summary>
internal sealed class TeacherTransfer : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeacherId { get; set; }
    public string TeacherNumber { get; set; } = "";
    public string TeacherName { get; set; } = "";
    public Guid FromSchoolId { get; set; }
    public string FromSchoolName { get; set; } = "";
    public Guid ToSchoolId { get; set; }
    public string ToSchoolName { get; set; } = "";
    public TransferSide StartedBy { get; set; }
    public TransferStatus Status { get; set; } = TransferStatus.Pending;
    public string Reason { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
    public DateTime StartedAt { get; set; }
    public string StartedByName { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public List<TransferStep> Steps { get; set; } = [];
}

/// <summary>One approval a transfer needs, placed at the node that gives it (a school, or a county/city/province bureau).</summary>
internal sealed class TransferStep : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TransferId { get; set; }
    public int Order { get; set; }
    public TransferParty Party { get; set; }
    public StepDecision Decision { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? Note { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

internal enum TransferSide
{
    Sending = 1,
    Receiving = 2,
}

internal enum TransferStatus
{
    Pending = 1,
    Completed = 2,
    Rejected = 3,
}

internal enum StepDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>调出学校, 调入学校, then the bureaus of both sides at each level where the two schools differ.</summary>
internal enum TransferParty
{
    SendingSchool = 1,
    ReceivingSchool = 2,
    SendingCounty = 3,
    ReceivingCounty = 4,
    SendingCity = 5,
    ReceivingCity = 6,
    SendingProvince = 7,
    ReceivingProvince = 8,
}
