using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Resources.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using EduCloud.Spaces.Features.Groups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>写教案: a teacher writes a plan (version 1), optionally shared at once with one of their groups.</summary>
internal static class CreatePlan
{
    public sealed record Request(string? Title, string? Stage, string? Subject, string? Objectives, string? Process, List<Guid>? ResourceIds, Guid? GroupId);

    public static async Task<GetPlan.Response> HandleAsync(SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Request request, CancellationToken ct)
    {
        var me = db.Actor.Me();
        if (!db.Actor.Is(Role.Teacher))
        {
            throw new ForbiddenException("只有教师可以备课");
        }
        var content = new PlanAccess.Content(request.Title, request.Objectives, request.Process, request.ResourceIds, null);
        new Problems().Required(request.Stage, "stage", "学段").MaxLength(request.Stage, 20, "stage", "学段")
            .Required(request.Subject, "subject", "学科").MaxLength(request.Subject, 20, "subject", "学科").ThrowIfAny();
        await PlanAccess.CheckAsync(resources, content, ct);
        if (request.GroupId is { } groupId)
        {
            await GroupAccess.MemberOfAsync(db, groupId, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new LessonPlan
        {
            AuthorId = me, AuthorName = db.Actor.DisplayName ?? "", GroupId = request.GroupId, Title = request.Title!.Trim(), Stage = request.Stage!.Trim(),
            Subject = request.Subject!.Trim(), CurrentVersion = 1, LastNumber = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Plans.Add(plan);
        db.Versions.Add(PlanAccess.VersionOf(plan, content, 1, 0, VersionState.Saved, me, plan.AuthorName, now));
        await db.SaveChangesAsync(ct);
        return await GetPlan.HandleAsync(db, plan.Id, ct);
    }

    public static async Task<Created<GetPlan.Response>> EndpointAsync(SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Request request, CancellationToken ct)
    {
        var plan = await HandleAsync(db, resources, clock, request, ct);
        return TypedResults.Created($"/api/v1/spaces/plans/{plan.Id}", plan);
    }
}
