using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Stateless;

namespace EduCloud.Students.Domain;

/// <summary>
/// 转学: a student's move from one school to another, started by the receiving school and approved step by step.
/// A transfer concerns two places and a scoped row has one, so this row is not scoped: its two
/// <see cref="TransferParty"/> rows are, and every read goes through them (TransferAccess); every write checks the
/// caller's right explicitly (see ADR 0008). The student record itself stays at the sending school, Enrolled, until
/// the last approval re-places it in one transaction.
/// </summary>
internal sealed class Transfer : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public string StudentNumber { get; set; } = "";
    public string StudentName { get; set; } = "";
    /// <summary>Set to StudentId while the transfer is open, null once closed: a unique index allows one open transfer per student.</summary>
    public Guid? OpenStudentId { get; set; }

    public TransferStatus Status { get; set; } = TransferStatus.Pending;
    /// <summary>转学原因 code (see TransferReasons).</summary>
    public string ReasonCode { get; set; } = "";
    public string? Note { get; set; }
    public DateOnly EffectiveOn { get; set; }

    public Guid FromSchoolId { get; set; }
    public string FromSchoolName { get; set; } = "";
    public Guid? FromClassId { get; set; }
    public string FromProvinceCode { get; set; } = "";
    public string FromCityCode { get; set; } = "";
    public string FromCountyCode { get; set; } = "";

    public Guid ToClassId { get; set; }
    public string ToSchoolName { get; set; } = "";
    public string ToClassName { get; set; } = "";

    /// <summary>The approval chain, in order (computed at start from the two schools' regions).</summary>
    public List<TransferStep> Steps { get; set; } = [];
    public string? RejectionReason { get; set; }

    public Guid? StartedBy { get; set; }
    public string StartedByName { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Optimistic concurrency: bumped by every decision, so two approvers of one step cannot both win.</summary>
    public int Version { get; set; }

    /// <summary>The receiving school, which owns the request (starts and may withdraw it).</summary>
    public string ToProvinceCode { get; set; } = "";
    public string ToCityCode { get; set; } = "";
    public string ToCountyCode { get; set; } = "";
    public Guid ToSchoolId { get; set; }

    public ScopeKey FromKey => new(FromProvinceCode, FromCityCode, FromCountyCode, FromSchoolId, null);
    public ScopeKey ToKey => new(ToProvinceCode, ToCityCode, ToCountyCode, ToSchoolId, null);

    public TransferStep? CurrentStep => Status == TransferStatus.Pending ? Steps.FirstOrDefault(s => s.Decision == StepDecision.Pending) : null;

    /// <summary>Records an approval of the current step; true when it was the last one (the caller then completes the move).</summary>
    public bool Approve(Guid? by, string byName, string? note, DateTime now)
    {
        var step = CurrentStep ?? throw new ConflictException("status", "该转学申请已结束，不能再审批");
        step.Decide(StepDecision.Approved, by, byName, note, now);
        var last = CurrentStep is null;
        Fire(last ? TransferTrigger.ApproveLast : TransferTrigger.Approve);
        if (last)
        {
            Close(now);
        }
        return last;
    }

    public void Reject(Guid? by, string byName, string reason, DateTime now)
    {
        var step = CurrentStep ?? throw new ConflictException("status", "该转学申请已结束，不能再审批");
        step.Decide(StepDecision.Rejected, by, byName, reason, now);
        Fire(TransferTrigger.Reject);
        RejectionReason = reason;
        Close(now);
    }

    public void Withdraw(DateTime now)
    {
        Fire(TransferTrigger.Withdraw);
        Close(now);
    }

    private void Close(DateTime now)
    {
        OpenStudentId = null;
        ClosedAt = now;
    }

    /// <summary>The allowed transitions, as data: anything else is a 409.</summary>
    private void Fire(TransferTrigger trigger)
    {
        var machine = new StateMachine<TransferStatus, TransferTrigger>(() => Status, s => Status = s);
        machine.Configure(TransferStatus.Pending)
            .PermitReentry(TransferTrigger.Approve)
            .Permit(TransferTrigger.ApproveLast, TransferStatus.Completed)
            .Permit(TransferTrigger.Reject, TransferStatus.Rejected)
            .Permit(TransferTrigger.Withdraw, TransferStatus.Withdrawn);
        if (!machine.CanFire(trigger))
        {
            throw new ConflictException("status", "该转学申请已结束，不能再操作");
        }
        machine.Fire(trigger);
        // A decision may change only the JSON steps, which EF does not count as a change of this row: bump it here.
        Version++;
    }

    private enum TransferTrigger
    {
        Approve,
        ApproveLast,
        Reject,
        Withdraw,
    }
}

/// <summary>One approval of a transfer: who (role) must decide, at which node of the tree.</summary>
internal sealed class TransferStep
{
    public int Order { get; set; }
    public Role Role { get; set; }
    /// <summary>转出 (sending) or 转入 (receiving) side.</summary>
    public TransferSide Side { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public StepDecision Decision { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? Note { get; set; }

    public ScopeKey Node => new(ProvinceCode, CityCode, CountyCode, SchoolId, null);

    /// <summary>
    /// Only the step's own level decides: a school step needs the administrator of that school, a county step the
    /// county bureau, and so on. A higher bureau does not sign for a lower one, or one person could clear a whole chain.
    /// </summary>
    public bool CanBeDecidedBy(IReadOnlyList<Role> roles, DataScope scope) =>
        roles.Contains(Role) && Role switch
        {
            Role.SchoolAdmin => SchoolId is { } s && scope.ManagedSchools.Contains(s),
            Role.CountyAdmin => scope.ManagedCounties.Contains(CountyCode),
            Role.CityAdmin => scope.ManagedCities.Contains(CityCode),
            Role.ProvinceAdmin => scope.ManagedProvinces.Contains(ProvinceCode),
            _ => false,
        };

    public void Decide(StepDecision decision, Guid? by, string byName, string? note, DateTime now)
    {
        Decision = decision;
        DecidedBy = by;
        DecidedByName = byName;
        DecidedAt = now;
        Note = note;
    }
}

/// <summary>
/// A transfer's presence at one of its two schools. Derived from the transfer in the same save, so it is not guarded
/// or audited on its own; it exists so the scope filter, which knows one place per row, shows the transfer on both sides.
/// </summary>
internal sealed class TransferParty : IDerivedRow
{
    public long Id { get; set; }
    public Guid TransferId { get; set; }
    public TransferSide Side { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public static TransferParty At(Guid transferId, TransferSide side, ScopeKey key) => new()
    {
        TransferId = transferId,
        Side = side,
        ProvinceCode = key.ProvinceCode,
        CityCode = key.CityCode,
        CountyCode = key.CountyCode,
        SchoolId = key.SchoolId,
    };
}

internal enum TransferStatus
{
    Pending = 1,
    Completed = 2,
    Rejected = 3,
    Withdrawn = 4,
}

internal enum TransferSide
{
    Sending = 1,
    Receiving = 2,
}

internal enum StepDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}
