using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Interactions;

public sealed record PendingCommentDto(Guid Id, Guid ResourceId, string ResourceTitle, string AuthorName, string Text, DateTime CreatedAt);

/// <summary>
/// 待审评论: the comments waiting for the caller's decision across every resource they moderate (their own uploads,
/// and as a reviewer or administrator the resources whose review node is in their region), oldest first, so nobody
/// has to open each resource to find what waits. The same rule as on the detail page decides (ResourceAccess).
/// </summary>
internal static class ListPendingComments
{
    public const int Limit = 200;

    public static async Task<IReadOnlyList<PendingCommentDto>> HandleAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var actor = db.Actor;
        var scope = actor.Scope;
        var me = actor.UserId;
        var provinces = scope.Provinces.Concat(scope.ManagedProvinces).Distinct().ToList();
        var cities = scope.Cities.Concat(scope.ManagedCities).Distinct().ToList();
        var counties = scope.Counties.Concat(scope.ManagedCounties).Distinct().ToList();
        var system = scope.IsSystem;
        // The region columns narrow the read in SQL; ResourceAccess then applies the exact rule (roles, managed nodes).
        var rows = await (from c in db.Comments.AsNoTracking()
                          where c.Status == CommentStatus.Pending
                          join r in db.Resources.AsNoTracking() on c.ResourceId equals r.Id
                          where system || r.OwnerId == me || provinces.Contains(r.ProvinceCode) || cities.Contains(r.CityCode!) || counties.Contains(r.CountyCode!)
                          orderby c.CreatedAt
                          select new { c, r }).Take(Limit * 4).ToListAsync(ct);
        var titles = await TitlesAsync(db, rows.Select(x => x.r).ToList(), ct);
        return rows.Where(x => ResourceAccess.SeesWorkflow(actor, x.r))
            .Take(Limit)
            .Select(x => new PendingCommentDto(x.c.Id, x.r.Id, titles.GetValueOrDefault(x.r.Id, ""), x.c.AuthorName, x.c.Text, x.c.CreatedAt))
            .ToList();
    }

    /// <summary>The published title, or the newest version's for a resource not yet published.</summary>
    private static async Task<Dictionary<Guid, string>> TitlesAsync(ResourcesDbContext db, IReadOnlyList<Resource> resources, CancellationToken ct)
    {
        var ids = resources.Select(r => r.Id).Distinct().ToList();
        var versions = await db.Versions.AsNoTracking().Where(v => ids.Contains(v.ResourceId))
            .Select(v => new { v.Id, v.ResourceId, v.Number, v.Title }).ToListAsync(ct);
        var published = resources.Where(r => r.PublishedVersionId is not null).ToDictionary(r => r.Id, r => r.PublishedVersionId!.Value);
        return versions.GroupBy(v => v.ResourceId).ToDictionary(g => g.Key,
            g => (published.TryGetValue(g.Key, out var p) ? g.FirstOrDefault(v => v.Id == p) : null)?.Title ?? g.MaxBy(v => v.Number)!.Title);
    }

    public static async Task<Ok<IReadOnlyList<PendingCommentDto>>> EndpointAsync(ResourcesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, ct));
}
