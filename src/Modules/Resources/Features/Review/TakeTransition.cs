using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Oai;
using EduCloud.Resources.Features.Publishing;
using EduCloud.Resources.Features.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Review;

/// <summary>
/// One step of the review workflow on a version: submit, withdraw, start first review, pass it, publish, reject,
/// take down. Whether the caller may is the transition table's answer (ReviewWorkflow); refusals are audited.
/// Publishing replaces the resource's published version (the old one becomes Superseded, still traceable) and
/// feeds the search after commit; a takedown removes it from the search.
/// </summary>
internal static class TakeTransition
{
    public sealed record Request(string? Comment);

    public static async Task HandleAsync(ResourcesDbContext db, SearchFeeder feeder, AuditTrail audit, TimeProvider clock, Guid versionId, string triggerName, string? comment, CancellationToken ct)
    {
        var actor = db.Actor;
        var version = await db.Versions.FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException("未找到该资源版本");
        var resource = await db.Resources.FirstAsync(r => r.Id == version.ResourceId, ct);
        if (!ResourceAccess.SeesWorkflow(actor, resource))
        {
            throw new NotFoundException("未找到该资源版本");
        }
        if (!Enum.TryParse<ReviewTrigger>(triggerName, ignoreCase: true, out var trigger) || trigger is ReviewTrigger.Supersede or ReviewTrigger.Create)
        {
            throw ValidationFailedException.For("trigger", "未知的审核操作");
        }
        var transition = ReviewWorkflow.Find(version.Status, trigger)
            ?? throw new ConflictException("status", $"资源当前状态为“{ReviewWorkflow.StatusName(version.Status)}”，不能执行“{ReviewWorkflow.TriggerName(trigger)}”");
        if (!ReviewWorkflow.Allows(transition, actor, resource, version))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(ResourceVersion), version.Id.ToString(), AuditOutcome.Denied, trigger.ToString(), ct: ct);
            throw new ForbiddenException("无权对该资源执行此审核操作");
        }
        var text = PlainText.Clean(comment);
        new Problems()
            .Check(!transition.NeedsReason || text.Length > 0, "comment", "请填写理由")
            .MaxLength(text, 1000, "comment", "意见")
            .Check(!PlainText.HasMarkup(text), "comment", "意见不能包含HTML标记")
            .ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Events.Add(ReviewEvents.Take(version, trigger, actor, text.Length > 0 ? text : null, now));
        if (trigger == ReviewTrigger.PassFirstReview)
        {
            version.FirstReviewerId = actor.UserId;
        }
        if (trigger == ReviewTrigger.Publish)
        {
            if (resource.PublishedVersionId is { } old && await db.Versions.FirstOrDefaultAsync(v => v.Id == old, ct) is { } previous)
            {
                db.Events.Add(ReviewEvents.Take(previous, ReviewTrigger.Supersede, actor, $"被第{version.Number}版取代", now));
            }
            version.PublishedAt = now;
            resource.PublishedVersionId = version.Id;
            resource.PublishedAt = now;
            await StampOaiRecord.HandleAsync(db, resource, version, deleted: false, now, ct);
        }
        if (trigger == ReviewTrigger.TakeDown)
        {
            resource.PublishedVersionId = null;
            await StampOaiRecord.HandleAsync(db, resource, version, deleted: true, now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("status", "该资源刚被他人处理，请刷新后重试");
        }
        if (trigger == ReviewTrigger.Publish)
        {
            await feeder.PublishedAsync(resource, version, ct);
        }
        else if (trigger == ReviewTrigger.TakeDown)
        {
            await feeder.WithdrawnAsync(resource.Id, ct);
        }
    }

    public static async Task<Ok<ResourceDetailDto>> EndpointAsync(ResourcesDbContext db, SearchFeeder feeder, AuditTrail audit, TimeProvider clock, IOrganizationDirectory directory,
        Guid versionId, string trigger, Request? request, CancellationToken ct)
    {
        await HandleAsync(db, feeder, audit, clock, versionId, trigger, request?.Comment, ct);
        var resourceId = await db.Versions.Where(v => v.Id == versionId).Select(v => v.ResourceId).FirstAsync(ct);
        return TypedResults.Ok(await GetResource.HandleAsync(db, directory, resourceId, ct));
    }
}
