using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>A plan with its current text, every version (saves and proposals, newest first) and the comments; and my plans.</summary>
internal static class GetPlan
{
    public sealed record VersionDto(int Number, int BasedOn, string State, string EditorName, string Title, string Objectives, string Process,
        IReadOnlyList<Guid> ResourceIds, string? Note, DateTime CreatedAt);

    public sealed record CommentDto(Guid Id, int VersionNumber, string AuthorName, string Body, DateTime CreatedAt);

    public sealed record Response(Guid Id, string Title, string Stage, string Subject, Guid AuthorId, string AuthorName, Guid? GroupId, bool IsAuthor,
        int CurrentVersion, VersionDto Current, IReadOnlyList<VersionDto> Versions, IReadOnlyList<CommentDto> Comments);

    public sealed record Summary(Guid Id, string Title, string Stage, string Subject, string AuthorName, int CurrentVersion, int Pending, DateTime UpdatedAt, bool Mine);

    public static async Task<Response> HandleAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var plan = await PlanAccess.FindAsync(db, id, ct);
        var versions = (await db.Versions.AsNoTracking().Where(v => v.PlanId == id).OrderByDescending(v => v.Number).ToListAsync(ct)).Select(ToDto).ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => c.PlanId == id).OrderBy(c => c.CreatedAt)
            .Select(c => new CommentDto(c.Id, c.VersionNumber, c.AuthorName, c.Body, c.CreatedAt)).ToListAsync(ct);
        return new Response(plan.Id, plan.Title, plan.Stage, plan.Subject, plan.AuthorId, plan.AuthorName, plan.GroupId, plan.AuthorId == db.Actor.UserId,
            plan.CurrentVersion, versions.First(v => v.Number == plan.CurrentVersion), versions, comments);
    }

    public static async Task<List<Summary>> MineAsync(SpacesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.Me();
        return await db.Plans.AsNoTracking()
            .Where(p => p.AuthorId == me || (p.GroupId != null && db.Members.Any(m => m.GroupId == p.GroupId && m.AccountId == me)))
            .OrderByDescending(p => p.UpdatedAt).Take(100)
            .Select(p => new Summary(p.Id, p.Title, p.Stage, p.Subject, p.AuthorName, p.CurrentVersion,
                db.Versions.Count(v => v.PlanId == p.Id && v.State == VersionState.Proposed), p.UpdatedAt, p.AuthorId == me))
            .ToListAsync(ct);
    }

    public static VersionDto ToDto(PlanVersion v) =>
        new(v.Number, v.BasedOn, v.State.ToString(), v.EditorName, v.Title, v.Objectives, v.Process, v.ResourceIds, v.Note, v.CreatedAt);

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, id, ct));

    public static async Task<Ok<List<Summary>>> MineEndpointAsync(SpacesDbContext db, CancellationToken ct) => TypedResults.Ok(await MineAsync(db, ct));
}
