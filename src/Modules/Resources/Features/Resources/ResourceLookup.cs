using EduCloud.Resources.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Resources;

/// <summary>IResourceLookup over the module's own tables (Resource is not a scoped row, so no filter applies).</summary>
internal sealed class ResourceLookup(ResourcesDbContext db) : IResourceLookup
{
    public async Task<IReadOnlyList<ResourceSummary>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await QueryAsync(db.Resources.AsNoTracking().Where(r => list.Contains(r.Id)), list.Count, ct);
    }

    public Task<IReadOnlyList<ResourceSummary>> ListOwnedAsync(Guid ownerId, int take, CancellationToken ct) =>
        QueryAsync(db.Resources.AsNoTracking().Where(r => r.OwnerId == ownerId).OrderByDescending(r => r.CreatedAt), take, ct);

    private async Task<IReadOnlyList<ResourceSummary>> QueryAsync(IQueryable<Resource> resources, int take, CancellationToken ct)
    {
        var rows = await (from r in resources.Take(take)
                          join v in db.Versions.AsNoTracking() on r.Id equals v.ResourceId
                          where v.Number == r.LatestVersionNumber
                          select new { r.Id, r.OwnerId, r.CreatedAt, Published = r.PublishedVersionId != null, v.Title, v.TypeCode, v.Status, v.CatalogueNodeId, v.CatalogueNodeIds,
                              v.CataloguePath, v.StageCode, v.SubjectCode, v.GradeCode }).ToListAsync(ct);
        return rows.OrderByDescending(x => x.CreatedAt)
            .Select(x => new ResourceSummary(x.Id, x.Title, x.TypeCode, ResourceCodes.NameOf(ResourceCodes.Types, x.TypeCode), x.OwnerId, x.Status.ToString(), ReviewWorkflow.StatusName(x.Status), x.Published,
                x.CatalogueNodeId, x.CatalogueNodeIds, x.CataloguePath, x.StageCode, x.SubjectCode, x.GradeCode))
            .ToList();
    }
}
