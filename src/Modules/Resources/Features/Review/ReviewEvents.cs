using EduCloud.Kernel.Scope;
using EduCloud.Resources.Domain;

namespace EduCloud.Resources.Features.Review;

/// <summary>Takes a transition on a version and writes the event-log line for it (the caller has checked who may).</summary>
internal static class ReviewEvents
{
    public static VersionEvent Created(ResourceVersion version, ICurrentActor actor, DateTime now) =>
        Line(version, ReviewTrigger.Create, version.Status, actor, null, now);

    public static VersionEvent Take(ResourceVersion version, ReviewTrigger trigger, ICurrentActor actor, string? comment, DateTime now)
    {
        var from = version.Status;
        ReviewWorkflow.Fire(version, trigger);
        if (comment is not null)
        {
            version.LastComment = comment;
        }
        return Line(version, trigger, from, actor, comment, now);
    }

    private static VersionEvent Line(ResourceVersion version, ReviewTrigger trigger, ReviewStatus from, ICurrentActor actor, string? comment, DateTime now) => new()
    {
        VersionId = version.Id,
        Step = version.Revision,
        ResourceId = version.ResourceId,
        Trigger = trigger,
        From = from,
        To = version.Status,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName ?? "system",
        Comment = comment,
        At = now,
    };
}
