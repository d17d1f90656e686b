using EduCloud.Kernel.Scope;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Review;

public sealed record QueueItemDto(Guid ResourceId, Guid VersionId, int Number, string Title, string ProviderName, string KindName, long PriceCents, string Status,
    string StatusName, string CataloguePath, string TypeName, string Format, long SizeBytes, DateTime CreatedAt, string? LastComment, IReadOnlyList<string> AllowedTriggers);

/// <summary>
/// 审核队列: the versions waiting for a step the caller may take, oldest first, within the caller's region (the
/// province/city/county columns narrow the read; the transition table decides the rest). With status=Published,
/// the published resources the caller may take down.
/// </summary>
internal static class ListReviewQueue
{
    private static readonly ReviewStatus[] Waiting = [ReviewStatus.Submitted, ReviewStatus.FirstReview, ReviewStatus.ExpertReview];

    public static async Task<IReadOnlyList<QueueItemDto>> HandleAsync(ResourcesDbContext db, string? status, CancellationToken ct)
    {
        var actor = db.Actor;
        var scope = actor.Scope;
        ReviewStatus[] states = Enum.TryParse<ReviewStatus>(status, true, out var s) ? [s] : Waiting;
        var provinces = scope.Provinces.Concat(scope.ManagedProvinces).Distinct().ToList();
        var cities = scope.Cities.Concat(scope.ManagedCities).Distinct().ToList();
        var counties = scope.Counties.Concat(scope.ManagedCounties).Distinct().ToList();
        var system = scope.IsSystem;
        var rows = await (from v in db.Versions.AsNoTracking()
                          where states.Contains(v.Status)
                          join r in db.Resources.AsNoTracking() on v.ResourceId equals r.Id
                          where system || provinces.Contains(r.ProvinceCode) || cities.Contains(r.CityCode!) || counties.Contains(r.CountyCode!)
                          orderby v.CreatedAt
                          select new { r, v }).Take(500).ToListAsync(ct);
        return rows
            .Select(x => (x.r, x.v, allowed: ReviewWorkflow.AllowedFor(actor, x.r, x.v).Select(t => t.Trigger.ToString()).ToList()))
            .Where(x => x.allowed.Count > 0)
            .Select(x => new QueueItemDto(x.r.Id, x.v.Id, x.v.Number, x.v.Title, x.r.ProviderName, ResourceCodes.KindName(x.r.Kind), x.r.PriceCents, x.v.Status.ToString(),
                ReviewWorkflow.StatusName(x.v.Status), string.Join(" / ", x.v.CataloguePath), ResourceCodes.NameOf(ResourceCodes.Types, x.v.TypeCode), x.v.Format,
                x.v.SizeBytes, x.v.CreatedAt, x.v.LastComment, x.allowed))
            .ToList();
    }

    public static async Task<Ok<IReadOnlyList<QueueItemDto>>> EndpointAsync(ResourcesDbContext db, string? status, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, status, ct));

    /// <summary>The table itself, for clients and the docs: from, trigger, to, who.</summary>
    public static Ok<IEnumerable<object>> WorkflowEndpoint() => TypedResults.Ok(ReviewWorkflow.Table.Select(t => (object)new
    {
        from = t.From.ToString(),
        trigger = t.Trigger.ToString(),
        to = t.To.ToString(),
        owner = t.Owner,
        roles = t.Roles.Select(r => r.ToString()),
        needsReason = t.NeedsReason,
        name = ReviewWorkflow.TriggerName(t.Trigger),
    }));
}
