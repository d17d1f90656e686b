using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Stateless;

namespace EduCloud.Students.Domain;

/// <summary>
/// The 学籍 lifecycle as data: which change (学籍异动) may be taken from which status, the status it leads to, and
/// the roles that may record it. A Stateless machine is built from the table, so the table is the only place the
/// rules live. Where a role may act is the data scope's business (StudentsDbContext refuses a change outside the
/// caller's managed scope); this table says what kind of administrator may try.
///
/// Decisions:
/// - Every change may be recorded by the school's administrator or by a county, city, province or national
///   administrator whose scope holds the school (a bureau can act for a small school with no administrator).
/// - Withdrawal (退学) from a compulsory stage (primary, junior) needs a bureau (county or above): 义务教育法 makes
///   the county responsible for keeping every child in school, so a school alone may not drop one. In the other
///   stages the school may record it.
/// - Cancellation (撤销) needs the roles of the change it undoes, restores the state before it, and applies only to
///   the latest change still in force; admissions, number confirmations, transfers and cancellations themselves are
///   not cancellable (an admission made in error is withdrawn with reason 其他; a G number is final; a transfer is
///   undone by the transfer workflow; undoing an undo is recording the change again).
/// - Transfer is listed so the matrix is whole; its approval chain lives in the transfer workflow, not here.
/// </summary>
internal static class StatusRules
{
    /// <summary>A student that has no record yet: the state an admission starts from.</summary>
    public const EnrolmentStatus None = 0;

    private static readonly Role[] Everyone = [Role.SchoolAdmin, Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin];
    private static readonly Role[] Bureaus = [Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin];

    public sealed record Rule(EnrolmentStatus From, ChangeKind Kind, EnrolmentStatus To, Role[] Roles);

    /// <summary>The allowed transitions. Anything not listed is forbidden.</summary>
    public static readonly IReadOnlyList<Rule> Table =
    [
        new(None, ChangeKind.Admission, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Promotion, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Repeat, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Skip, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.ClassChange, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Transfer, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Suspension, EnrolmentStatus.Suspended, Everyone),
        new(EnrolmentStatus.Suspended, ChangeKind.Resumption, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Withdrawal, EnrolmentStatus.Withdrawn, Everyone),
        new(EnrolmentStatus.Suspended, ChangeKind.Withdrawal, EnrolmentStatus.Withdrawn, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.Graduation, EnrolmentStatus.Graduated, Everyone),
        new(EnrolmentStatus.Enrolled, ChangeKind.NumberConfirmation, EnrolmentStatus.Enrolled, Everyone),
        new(EnrolmentStatus.Suspended, ChangeKind.NumberConfirmation, EnrolmentStatus.Suspended, Everyone),
    ];

    public static readonly IReadOnlySet<ChangeKind> NotCancellable = new HashSet<ChangeKind>
    {
        ChangeKind.Admission, ChangeKind.NumberConfirmation, ChangeKind.Transfer, ChangeKind.Cancellation,
    };

    public static readonly EnrolmentStatus[] States = [None, EnrolmentStatus.Enrolled, EnrolmentStatus.Suspended, EnrolmentStatus.Withdrawn, EnrolmentStatus.Graduated];

    /// <summary>The status the change leads to, or null when the table does not allow it from this status.</summary>
    public static EnrolmentStatus? Next(EnrolmentStatus from, ChangeKind kind)
    {
        if (kind == ChangeKind.Cancellation)
        {
            return null;
        }
        var machine = Machine(from);
        return machine.CanFire(kind) ? Fire(machine, kind) : null;
    }

    /// <summary>The roles that may record this change for a student in this stage.</summary>
    public static IReadOnlyList<Role> RolesFor(EnrolmentStatus from, ChangeKind kind, Stage stage)
    {
        var rule = Table.FirstOrDefault(r => r.From == from && r.Kind == kind);
        if (rule is null)
        {
            return [];
        }
        return kind == ChangeKind.Withdrawal && stage is Stage.Primary or Stage.Junior ? Bureaus : rule.Roles;
    }

    /// <summary>Checks the transition and the caller's roles; returns the new status or throws (409 / 403) in Chinese.</summary>
    public static EnrolmentStatus Authorize(EnrolmentStatus from, ChangeKind kind, Stage stage, ICurrentActor actor)
    {
        var to = Next(from, kind) ?? throw new ConflictException("kind", $"{StatusName(from)}的学生不能办理{KindName(kind)}");
        var roles = RolesFor(from, kind, stage);
        if (!actor.Scope.IsSystem && !actor.Roles.Any(roles.Contains))
        {
            throw new ForbiddenException(kind == ChangeKind.Withdrawal ? "义务教育阶段学生退学须由县级及以上教育行政部门办理" : $"无权办理{KindName(kind)}");
        }
        return to;
    }

    private static StateMachine<EnrolmentStatus, ChangeKind> Machine(EnrolmentStatus from)
    {
        var machine = new StateMachine<EnrolmentStatus, ChangeKind>(from);
        foreach (var group in Table.GroupBy(r => r.From))
        {
            var state = machine.Configure(group.Key);
            foreach (var rule in group)
            {
                if (rule.To == rule.From)
                {
                    state.PermitReentry(rule.Kind);
                }
                else
                {
                    state.Permit(rule.Kind, rule.To);
                }
            }
        }
        return machine;
    }

    private static EnrolmentStatus Fire(StateMachine<EnrolmentStatus, ChangeKind> machine, ChangeKind kind)
    {
        machine.Fire(kind);
        return machine.State;
    }

    public static string StatusName(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "在读",
        EnrolmentStatus.Suspended => "休学",
        EnrolmentStatus.Withdrawn => "退学",
        EnrolmentStatus.Graduated => "毕业",
        _ => "未入学",
    };

    public static string KindName(ChangeKind kind) => kind switch
    {
        ChangeKind.Admission => "入学",
        ChangeKind.Promotion => "升级",
        ChangeKind.Repeat => "留级",
        ChangeKind.Skip => "跳级",
        ChangeKind.Transfer => "转学",
        ChangeKind.Suspension => "休学",
        ChangeKind.Resumption => "复学",
        ChangeKind.Withdrawal => "退学",
        ChangeKind.Graduation => "毕业",
        ChangeKind.Cancellation => "撤销异动",
        ChangeKind.NumberConfirmation => "临时学籍号转正",
        ChangeKind.ClassChange => "调班",
        _ => kind.ToString(),
    };
}
