using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Stateless;

namespace EduCloud.Monitoring.Domain;

/// <summary>Where a return version stands on its way up: school → county → city → province.</summary>
internal enum ReturnStatus
{
    /// <summary>填报中</summary>
    Draft = 1,
    /// <summary>已提交，待县级审核</summary>
    Submitted = 2,
    /// <summary>县级已审核，待市级审核</summary>
    CountyApproved = 3,
    /// <summary>市级已审核，待省级审核</summary>
    CityApproved = 4,
    /// <summary>省级已审核通过 (final: counts in the indicators)</summary>
    Approved = 5,
    /// <summary>已退回 (history: the school revises it into the next version)</summary>
    SentBack = 6,
}

internal enum ReturnTrigger
{
    Submit = 1,
    Withdraw = 2,
    Approve = 3,
    SendBack = 4,
    /// <summary>Not a transition: the first line of a version's log (started, or revised from a sent-back version).</summary>
    Create = 5,
}

/// <summary>A row of the transition table: who (which roles, within the return's scope) may take which step from where.</summary>
internal sealed record ReturnTransition(ReturnStatus From, ReturnTrigger Trigger, ReturnStatus To, IReadOnlyList<Role> Roles, bool NeedsComment);

/// <summary>
/// The approval chain as data: the table below is the whole of it. Each level approves or sends back only at its own
/// step, and only for returns inside the region it manages (the kernel's DataScope). A return already approved by
/// the province can only be sent back, never edited below (the school edits only drafts).
/// </summary>
internal static class ReturnWorkflow
{
    private static readonly Role[] School = [Role.SchoolAdmin];
    private static readonly Role[] County = [Role.CountyAdmin];
    private static readonly Role[] City = [Role.CityAdmin];
    private static readonly Role[] Province = [Role.ProvinceAdmin];

    public static readonly IReadOnlyList<ReturnTransition> Table =
    [
        new(ReturnStatus.Draft, ReturnTrigger.Submit, ReturnStatus.Submitted, School, NeedsComment: false),
        new(ReturnStatus.Submitted, ReturnTrigger.Withdraw, ReturnStatus.Draft, School, NeedsComment: false),
        new(ReturnStatus.Submitted, ReturnTrigger.Approve, ReturnStatus.CountyApproved, County, NeedsComment: false),
        new(ReturnStatus.Submitted, ReturnTrigger.SendBack, ReturnStatus.SentBack, County, NeedsComment: true),
        new(ReturnStatus.CountyApproved, ReturnTrigger.Approve, ReturnStatus.CityApproved, City, NeedsComment: false),
        new(ReturnStatus.CountyApproved, ReturnTrigger.SendBack, ReturnStatus.SentBack, City, NeedsComment: true),
        new(ReturnStatus.CityApproved, ReturnTrigger.Approve, ReturnStatus.Approved, Province, NeedsComment: false),
        new(ReturnStatus.CityApproved, ReturnTrigger.SendBack, ReturnStatus.SentBack, Province, NeedsComment: true),
        new(ReturnStatus.Approved, ReturnTrigger.SendBack, ReturnStatus.SentBack, Province, NeedsComment: true),
    ];

    public static ReturnTransition? Find(ReturnStatus from, ReturnTrigger trigger) => Table.FirstOrDefault(t => t.From == from && t.Trigger == trigger);

    public static IEnumerable<ReturnTransition> AllowedFor(ICurrentActor actor, AnnualReturn row) =>
        row.IsCurrent ? Table.Where(t => t.From == row.Status && Allows(t, actor, row)) : [];

    public static bool Allows(ReturnTransition t, ICurrentActor actor, AnnualReturn row) =>
        actor.Scope.IsSystem || (actor.Roles.Any(t.Roles.Contains) && actor.Scope.CanManage(ScopeKey.Of(row)));

    /// <summary>Moves the version along one row of the table, through a state machine built from the same table.</summary>
    public static void Fire(AnnualReturn row, ReturnTrigger trigger)
    {
        var machine = new StateMachine<ReturnStatus, ReturnTrigger>(() => row.Status, s => row.Status = s);
        foreach (var group in Table.GroupBy(t => t.From))
        {
            var state = machine.Configure(group.Key);
            foreach (var t in group)
            {
                state.Permit(t.Trigger, t.To);
            }
        }
        if (!row.IsCurrent || !machine.CanFire(trigger))
        {
            throw new ConflictException("status", $"年报当前状态为“{StatusName(row.Status)}”，不能执行“{TriggerName(trigger)}”");
        }
        machine.Fire(trigger);
        row.Revision++;
    }

    public static string StatusName(ReturnStatus status) => status switch
    {
        ReturnStatus.Draft => "填报中",
        ReturnStatus.Submitted => "待县级审核",
        ReturnStatus.CountyApproved => "待市级审核",
        ReturnStatus.CityApproved => "待省级审核",
        ReturnStatus.Approved => "已审核通过",
        _ => "已退回",
    };

    public static string TriggerName(ReturnTrigger trigger) => trigger switch
    {
        ReturnTrigger.Submit => "提交",
        ReturnTrigger.Withdraw => "撤回",
        ReturnTrigger.Approve => "审核通过",
        ReturnTrigger.SendBack => "退回修改",
        _ => "创建",
    };
}
