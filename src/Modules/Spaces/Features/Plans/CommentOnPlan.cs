using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using EduCloud.Spaces.Features.Groups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>评论 on the current version of a plan, by its author or a colleague of its group; and 共享 with a group.</summary>
internal static class CommentOnPlan
{
    public sealed record Request(string? Body);

    public sealed record ShareRequest(Guid? GroupId);

    public static async Task<GetPlan.CommentDto> HandleAsync(SpacesDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var plan = await PlanAccess.FindAsync(db, id, ct);
        new Problems().Required(request.Body, "body", "评论").MaxLength(request.Body?.Trim(), 2000, "body", "评论").ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new PlanComment
        {
            PlanId = id, VersionNumber = plan.CurrentVersion, AuthorId = db.Actor.Me(), AuthorName = db.Actor.DisplayName ?? "", Body = request.Body!.Trim(), CreatedAt = now,
        };
        db.Comments.Add(comment);
        if (plan.AuthorId != comment.AuthorId)
        {
            await Notifier.NotifyAsync(db, [plan.AuthorId], NotificationKind.PlanActivity, $"{comment.AuthorName}评论了《{plan.Title}》", $"/spaces/plans/{id}", now, ct);
        }
        await db.SaveChangesAsync(ct);
        return new GetPlan.CommentDto(comment.Id, comment.VersionNumber, comment.AuthorName, comment.Body, comment.CreatedAt);
    }

    public static async Task<GetPlan.Response> ShareAsync(SpacesDbContext db, Guid id, ShareRequest request, CancellationToken ct)
    {
        var plan = await PlanAccess.OwnAsync(db, id, ct);
        var groupId = request.GroupId ?? throw ValidationFailedException.For("groupId", "请选择教研组");
        await GroupAccess.MemberOfAsync(db, groupId, ct);
        plan.GroupId = groupId;
        await SavePlan.SaveAsync(db, plan, ct);
        return await GetPlan.HandleAsync(db, id, ct);
    }

    public static async Task<Created<GetPlan.CommentDto>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var comment = await HandleAsync(db, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/spaces/plans/{id}", comment);
    }

    public static async Task<Ok<GetPlan.Response>> ShareEndpointAsync(SpacesDbContext db, Guid id, ShareRequest request, CancellationToken ct) =>
        TypedResults.Ok(await ShareAsync(db, id, request, ct));
}
