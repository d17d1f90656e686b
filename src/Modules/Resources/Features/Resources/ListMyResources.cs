using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Resources;

public sealed record MyResourceDto(Guid Id, string Title, string KindName, long PriceCents, int LatestNumber, Guid LatestVersionId, string Status, string StatusName,
    string? LastComment, bool Published, DateTime CreatedAt);

/// <summary>我的资源: the caller's resources with the status and the reviewers' latest comment of their newest version.</summary>
internal static class ListMyResources
{
    public static async Task<IReadOnlyList<MyResourceDto>> HandleAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.UserId;
        var rows = await (from r in db.Resources.AsNoTracking()
                          where r.OwnerId == me
                          join v in db.Versions.AsNoTracking() on r.Id equals v.ResourceId
                          where v.Number == r.LatestVersionNumber
                          select new { r, v }).ToListAsync(ct);
        return rows.OrderByDescending(x => x.r.CreatedAt)
            .Select(x => new MyResourceDto(x.r.Id, x.v.Title, ResourceCodes.KindName(x.r.Kind), x.r.PriceCents, x.v.Number, x.v.Id, x.v.Status.ToString(),
                ReviewWorkflow.StatusName(x.v.Status), x.v.LastComment, x.r.PublishedVersionId is not null, x.r.CreatedAt))
            .ToList();
    }

    public static async Task<Ok<IReadOnlyList<MyResourceDto>>> EndpointAsync(ResourcesDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct));
}
