using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Groups;

/// <summary>研讨: a member opens a topic (title + text) or replies to one (text); and reads a topic with its replies.</summary>
internal static class PostInGroup
{
    public sealed record Request(string? Title, string? Body, Guid? ParentId);

    public sealed record PostDto(Guid Id, string Title, string Body, string AuthorName, DateTime CreatedAt);

    public sealed record Topic(PostDto Post, IReadOnlyList<PostDto> Replies);

    public static async Task<PostDto> HandleAsync(SpacesDbContext db, TimeProvider clock, Guid groupId, Request request, CancellationToken ct)
    {
        await GroupAccess.MemberOfAsync(db, groupId, ct);
        var problems = new Problems().Required(request.Body, "body", "内容").MaxLength(request.Body?.Trim(), 5000, "body", "内容");
        if (request.ParentId is null)
        {
            problems.Required(request.Title, "title", "主题").MaxLength(request.Title?.Trim(), 100, "title", "主题");
        }
        problems.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.ParentId is { } parentId)
        {
            var topic = await db.Posts.FirstOrDefaultAsync(p => p.Id == parentId && p.GroupId == groupId && p.ParentId == null, ct)
                ?? throw ValidationFailedException.For("parentId", "要回复的主题不存在");
            topic.Replies++;
            topic.LastAt = now;
        }
        var post = new Post
        {
            GroupId = groupId, ParentId = request.ParentId, AuthorId = db.Actor.Me(), AuthorName = db.Actor.DisplayName ?? "",
            Title = request.ParentId is null ? request.Title!.Trim() : "", Body = request.Body!.Trim(), CreatedAt = now, LastAt = now,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return new PostDto(post.Id, post.Title, post.Body, post.AuthorName, post.CreatedAt);
    }

    public static async Task<Topic> ReadAsync(SpacesDbContext db, Guid groupId, Guid topicId, CancellationToken ct)
    {
        await GroupAccess.MemberOfAsync(db, groupId, ct);
        var posts = await db.Posts.AsNoTracking().Where(p => p.GroupId == groupId && (p.Id == topicId || p.ParentId == topicId)).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.ParentId, Dto = new PostDto(p.Id, p.Title, p.Body, p.AuthorName, p.CreatedAt) }).ToListAsync(ct);
        var topic = posts.FirstOrDefault(p => p.Id == topicId && p.ParentId == null) ?? throw new NotFoundException("未找到该主题");
        return new Topic(topic.Dto, [.. posts.Where(p => p.ParentId == topicId).Select(p => p.Dto)]);
    }

    public static async Task<Created<PostDto>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var post = await HandleAsync(db, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/spaces/groups/{id}/posts/{post.Id}", post);
    }

    public static async Task<Ok<Topic>> ReadEndpointAsync(SpacesDbContext db, Guid id, Guid postId, CancellationToken ct) => TypedResults.Ok(await ReadAsync(db, id, postId, ct));
}
