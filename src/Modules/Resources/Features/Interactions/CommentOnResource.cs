using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Interactions;

public sealed record CommentRequest(string? Text);

public sealed record CommentDto(Guid Id, string AuthorName, string Text, string Status, DateTime CreatedAt, bool Mine);

/// <summary>
/// 评论 with moderation: a new comment is Pending and seen only by its author and the moderators (the resource's
/// owner and its reviewers, ResourceAccess.SeesWorkflow) until one of them approves it. Unlike titles, markup is not
/// refused here: people quote "a&lt;b" and code in conversation. The text is kept as written (control characters
/// removed) and every page renders it encoded, so "&lt;script&gt;" shows as text and never runs.
/// </summary>
internal static class CommentOnResource
{
    public const int MaxLength = 1000;

    public static async Task<CommentDto> AddAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CommentRequest request, CancellationToken ct)
    {
        var text = PlainText.Clean(request.Text);
        new Problems().Required(text, "text", "评论内容").MaxLength(text, MaxLength, "text", "评论内容").ThrowIfAny();
        var me = VisibleResource.Me(db);
        var resource = await VisibleResource.RequireAsync(db, directory, id, ct);
        var comment = new Comment
        {
            ResourceId = id, AuthorId = me, AuthorName = db.Actor.DisplayName ?? "", Text = text, CreatedAt = clock.GetUtcNow().UtcDateTime,
            // The owner's own replies need nobody's approval: the owner is a moderator of the resource.
            Status = ResourceAccess.SeesWorkflow(db.Actor, resource) ? CommentStatus.Approved : CommentStatus.Pending,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        return ToDto(comment, me);
    }

    /// <summary>Approved comments for everyone; pending ones also for their author and the moderators (newest first).</summary>
    public static async Task<IReadOnlyList<CommentDto>> ListAsync(ResourcesDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var resource = await VisibleResource.RequireAsync(db, directory, id, ct);
        var moderator = ResourceAccess.SeesWorkflow(db.Actor, resource);
        var me = db.Actor.UserId;
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ResourceId == id && (c.Status == CommentStatus.Approved || (moderator && c.Status == CommentStatus.Pending) || c.AuthorId == me))
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
        return rows.Select(c => ToDto(c, me)).ToList();
    }

    public static async Task<CommentDto> ModerateAsync(ResourcesDbContext db, TimeProvider clock, Guid commentId, bool approve, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new NotFoundException("未找到该评论");
        var resource = await db.Resources.AsNoTracking().FirstAsync(r => r.Id == comment.ResourceId, ct);
        if (!ResourceAccess.SeesWorkflow(db.Actor, resource))
        {
            throw new ForbiddenException("只有资源的上传者或审核员可以审核评论");
        }
        comment.Status = approve ? CommentStatus.Approved : CommentStatus.Rejected;
        comment.ModeratedById = db.Actor.UserId;
        comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return ToDto(comment, db.Actor.UserId);
    }

    private static CommentDto ToDto(Comment c, Guid? me) => new(c.Id, c.AuthorName, c.Text, c.Status.ToString(), c.CreatedAt, c.AuthorId == me);

    public static async Task<Created<CommentDto>> AddEndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CommentRequest request, CancellationToken ct)
    {
        var dto = await AddAsync(db, directory, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/resources/{id}/comments/{dto.Id}", dto);
    }

    public static async Task<Ok<IReadOnlyList<CommentDto>>> ListEndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, directory, id, ct));

    public static async Task<Ok<CommentDto>> ApproveEndpointAsync(ResourcesDbContext db, TimeProvider clock, Guid commentId, CancellationToken ct) =>
        TypedResults.Ok(await ModerateAsync(db, clock, commentId, true, ct));

    public static async Task<Ok<CommentDto>> RejectEndpointAsync(ResourcesDbContext db, TimeProvider clock, Guid commentId, CancellationToken ct) =>
        TypedResults.Ok(await ModerateAsync(db, clock, commentId, false, ct));
}
