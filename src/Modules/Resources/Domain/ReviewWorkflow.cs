using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Stateless;

namespace EduCloud.Resources.Domain;

/// <summary>审核状态 of one resource version.</summary>
internal enum ReviewStatus
{
    /// <summary>草稿</summary>
    Draft = 1,
    /// <summary>已提交，待初审</summary>
    Submitted = 2,
    /// <summary>初审中 (content, copyright and political check)</summary>
    FirstReview = 3,
    /// <summary>专家评审中</summary>
    ExpertReview = 4,
    /// <summary>已发布</summary>
    Published = 5,
    /// <summary>已驳回</summary>
    Rejected = 6,
    /// <summary>已下架</summary>
    TakenDown = 7,
    /// <summary>已被新版本取代</summary>
    Superseded = 8,
}

internal enum ReviewTrigger
{
    Submit = 1,
    Withdraw = 2,
    StartFirstReview = 3,
    PassFirstReview = 4,
    Publish = 5,
    Reject = 6,
    TakeDown = 7,
    Supersede = 8,
    /// <summary>Not a transition: the first line of every event log.</summary>
    Create = 9,
}

/// <summary>Who may take a transition: the version's owner, people holding one of the roles (within the review node), or only the platform.</summary>
internal sealed record ReviewTransition(ReviewStatus From, ReviewTrigger Trigger, ReviewStatus To, bool Owner, IReadOnlyList<Role> Roles, bool NeedsReason);

/// <summary>
/// The review workflow as data: the table below is the whole of it. A reviewer acts on resources whose review node is
/// inside their region; an administrator on those inside the region they manage. The expert step must be taken by
/// someone other than the first reviewer (four eyes), which is why province administrators may also take it.
/// </summary>
internal static class ReviewWorkflow
{
    private static readonly Role[] Reviewer = [Role.ResourceReviewer];
    private static readonly Role[] Expert = [Role.ResourceReviewer, Role.ProvinceAdmin, Role.NationalAdmin];
    private static readonly Role[] Takedown = [Role.ResourceReviewer, Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin];

    public static readonly IReadOnlyList<ReviewTransition> Table =
    [
        new(ReviewStatus.Draft, ReviewTrigger.Submit, ReviewStatus.Submitted, Owner: true, [], NeedsReason: false),
        new(ReviewStatus.Submitted, ReviewTrigger.Withdraw, ReviewStatus.Draft, Owner: true, [], NeedsReason: false),
        new(ReviewStatus.Submitted, ReviewTrigger.StartFirstReview, ReviewStatus.FirstReview, Owner: false, Reviewer, NeedsReason: false),
        new(ReviewStatus.Submitted, ReviewTrigger.Reject, ReviewStatus.Rejected, Owner: false, Reviewer, NeedsReason: true),
        new(ReviewStatus.FirstReview, ReviewTrigger.PassFirstReview, ReviewStatus.ExpertReview, Owner: false, Reviewer, NeedsReason: false),
        new(ReviewStatus.FirstReview, ReviewTrigger.Reject, ReviewStatus.Rejected, Owner: false, Reviewer, NeedsReason: true),
        new(ReviewStatus.ExpertReview, ReviewTrigger.Publish, ReviewStatus.Published, Owner: false, Expert, NeedsReason: false),
        new(ReviewStatus.ExpertReview, ReviewTrigger.Reject, ReviewStatus.Rejected, Owner: false, Expert, NeedsReason: true),
        new(ReviewStatus.Published, ReviewTrigger.TakeDown, ReviewStatus.TakenDown, Owner: false, Takedown, NeedsReason: true),
        new(ReviewStatus.Published, ReviewTrigger.Supersede, ReviewStatus.Superseded, Owner: false, [], NeedsReason: false),
    ];

    public static ReviewTransition? Find(ReviewStatus from, ReviewTrigger trigger) =>
        Table.FirstOrDefault(t => t.From == from && t.Trigger == trigger);

    /// <summary>The transitions this actor may take on this version now (drives the buttons on the pages).</summary>
    public static IEnumerable<ReviewTransition> AllowedFor(ICurrentActor actor, Resource resource, ResourceVersion version) =>
        Table.Where(t => t.From == version.Status && Allows(t, actor, resource, version));

    public static bool Allows(ReviewTransition t, ICurrentActor actor, Resource resource, ResourceVersion version)
    {
        if (t.Owner)
        {
            return actor.UserId == resource.OwnerId;
        }
        if (t.Roles.Count == 0)
        {
            return actor.Scope.IsSystem;
        }
        if (actor.Scope.IsSystem)
        {
            return true;
        }
        // Four eyes: whoever passed the first review does not also decide the expert review.
        if (t.From == ReviewStatus.ExpertReview && version.FirstReviewerId == actor.UserId)
        {
            return false;
        }
        // Nobody reviews their own resource.
        if (actor.UserId == resource.OwnerId)
        {
            return false;
        }
        return actor.Roles.Any(r => t.Roles.Contains(r) && InNode(r, actor.Scope, resource.ReviewKey));
    }

    private static bool InNode(Role role, DataScope scope, ScopeKey node) => role == Role.ResourceReviewer
        ? scope.Provinces.Contains(node.ProvinceCode) || scope.Cities.Contains(node.CityCode) || scope.Counties.Contains(node.CountyCode)
        : scope.CanManage(node);

    /// <summary>Moves the version along one transition of the table, through a state machine built from the same table.</summary>
    public static ReviewStatus Fire(ResourceVersion version, ReviewTrigger trigger)
    {
        var machine = new StateMachine<ReviewStatus, ReviewTrigger>(() => version.Status, s => version.Status = s);
        foreach (var group in Table.GroupBy(t => t.From))
        {
            var state = machine.Configure(group.Key);
            foreach (var t in group)
            {
                state.Permit(t.Trigger, t.To);
            }
        }
        if (!machine.CanFire(trigger))
        {
            throw new ConflictException("status", $"资源当前状态为“{StatusName(version.Status)}”，不能执行“{TriggerName(trigger)}”");
        }
        machine.Fire(trigger);
        version.Revision++;
        return version.Status;
    }

    public static string StatusName(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "草稿",
        ReviewStatus.Submitted => "待初审",
        ReviewStatus.FirstReview => "初审中",
        ReviewStatus.ExpertReview => "专家评审中",
        ReviewStatus.Published => "已发布",
        ReviewStatus.Rejected => "已驳回",
        ReviewStatus.TakenDown => "已下架",
        _ => "已被新版本取代",
    };

    public static string TriggerName(ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.Submit => "提交审核",
        ReviewTrigger.Withdraw => "撤回",
        ReviewTrigger.StartFirstReview => "开始初审",
        ReviewTrigger.PassFirstReview => "初审通过",
        ReviewTrigger.Publish => "评审通过并发布",
        ReviewTrigger.Reject => "驳回",
        ReviewTrigger.TakeDown => "下架",
        ReviewTrigger.Create => "创建",
        _ => "被新版本取代",
    };
}
