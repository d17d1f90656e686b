using EduCloud.Kernel.Errors;
using EduCloud.Resources.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>
/// 保存: the author saves an edit as a new version. The edit names the version it was made from; if the plan has
/// moved on since (another tab, an accepted proposal), it is refused with 409 rather than silently overwriting.
/// </summary>
internal static class SavePlan
{
    public sealed record Request(int? BasedOn, string? Title, string? Objectives, string? Process, List<Guid>? ResourceIds, string? Note);

    public static async Task<GetPlan.Response> HandleAsync(SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var plan = await PlanAccess.OwnAsync(db, id, ct);
        var content = new PlanAccess.Content(request.Title, request.Objectives, request.Process, request.ResourceIds, request.Note);
        await PlanAccess.CheckAsync(resources, content, ct);
        if (request.BasedOn != plan.CurrentVersion)
        {
            throw new ConflictException("basedOn", $"教案已更新到第 {plan.CurrentVersion} 版，请在最新版本上修改");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        plan.LastNumber++;
        plan.CurrentVersion = plan.LastNumber;
        plan.Title = content.Title!.Trim();
        plan.UpdatedAt = now;
        db.Versions.Add(PlanAccess.VersionOf(plan, content, plan.LastNumber, request.BasedOn.Value, VersionState.Saved, plan.AuthorId, plan.AuthorName, now));
        await SaveAsync(db, plan, ct);
        return await GetPlan.HandleAsync(db, id, ct);
    }

    /// <summary>LastNumber is the concurrency token: of two saves from the same version, the second is a conflict.</summary>
    public static async Task SaveAsync(SpacesDbContext db, LessonPlan plan, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("basedOn", "教案刚被他人更新，请刷新后在最新版本上修改");
        }
    }

    public static async Task<Ok<GetPlan.Response>> EndpointAsync(SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, resources, clock, id, request, ct));
}
