using EduCloud.Kernel.Errors;
using EduCloud.Resources.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>
/// 修改建议: a colleague of the plan's group proposes an edit (a numbered version awaiting the author), and the author
/// accepts it (it becomes the current version) or rejects it. A proposal made on an older version cannot be accepted (409).
/// </summary>
internal static class ProposeEdit
{
    public sealed record Request(int? BasedOn, string? Title, string? Objectives, string? Process, List<Guid>? ResourceIds, string? Note);

    public static async Task<GetPlan.VersionDto> HandleAsync(SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var plan = await PlanAccess.FindAsync(db, id, ct);
        var me = db.Actor.Me();
        if (plan.AuthorId == me)
        {
            throw new ConflictException("basedOn", "作者请直接保存新版本");
        }
        var content = new PlanAccess.Content(request.Title, request.Objectives, request.Process, request.ResourceIds, request.Note);
        await PlanAccess.CheckAsync(resources, content, ct);
        if (request.BasedOn != plan.CurrentVersion)
        {
            throw new ConflictException("basedOn", $"教案已更新到第 {plan.CurrentVersion} 版，请在最新版本上提出修改建议");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        plan.LastNumber++;
        var version = PlanAccess.VersionOf(plan, content, plan.LastNumber, request.BasedOn.Value, VersionState.Proposed, me, db.Actor.DisplayName ?? "", now);
        db.Versions.Add(version);
        await Notifier.NotifyAsync(db, [plan.AuthorId], NotificationKind.PlanActivity, $"{version.EditorName}对《{plan.Title}》提出了修改建议", $"/spaces/plans/{plan.Id}", now, ct);
        await SavePlan.SaveAsync(db, plan, ct);
        return GetPlan.ToDto(version);
    }

    public static async Task<GetPlan.Response> DecideAsync(SpacesDbContext db, TimeProvider clock, Guid id, int number, bool accept, CancellationToken ct)
    {
        var plan = await PlanAccess.OwnAsync(db, id, ct);
        var version = await db.Versions.FirstOrDefaultAsync(v => v.PlanId == id && v.Number == number && v.State == VersionState.Proposed, ct)
            ?? throw new NotFoundException("未找到待处理的修改建议");
        if (accept && version.BasedOn != plan.CurrentVersion)
        {
            throw new ConflictException("basedOn", $"该建议基于第 {version.BasedOn} 版，教案已更新到第 {plan.CurrentVersion} 版，无法直接采纳");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        version.State = accept ? VersionState.Accepted : VersionState.Rejected;
        version.DecidedAt = now;
        if (accept)
        {
            plan.CurrentVersion = version.Number;
            plan.Title = version.Title;
            plan.UpdatedAt = now;
        }
        await Notifier.NotifyAsync(db, [version.EditorId], NotificationKind.PlanActivity, $"您对《{plan.Title}》的修改建议已{(accept ? "被采纳" : "未被采纳")}", $"/spaces/plans/{plan.Id}", now, ct);
        await SavePlan.SaveAsync(db, plan, ct);
        return await GetPlan.HandleAsync(db, id, ct);
    }

    public static async Task<Created<GetPlan.VersionDto>> EndpointAsync(SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var version = await HandleAsync(db, resources, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/spaces/plans/{id}/versions/{version.Number}", version);
    }

    public static async Task<Ok<GetPlan.Response>> DecideEndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, int number, string decision, CancellationToken ct) =>
        decision switch
        {
            "accept" => TypedResults.Ok(await DecideAsync(db, clock, id, number, true, ct)),
            "reject" => TypedResults.Ok(await DecideAsync(db, clock, id, number, false, ct)),
            _ => throw new NotFoundException(),
        };
}
