using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Catalogue;

public sealed record CatalogueNodeDto(Guid Id, Guid? ParentId, string Level, string LevelName, string Code, string Name, int SortOrder, string? GradeCode, bool Retired, int ChildCount);

/// <summary>The textbook catalogue, one level at a time: the children of a node (the stages without a parent).</summary>
internal static class ListCatalogue
{
    public static async Task<IReadOnlyList<CatalogueNodeDto>> ChildrenAsync(ResourcesDbContext db, Guid? parentId, bool includeRetired, CancellationToken ct)
    {
        var nodes = await db.CatalogueNodes.AsNoTracking()
            .Where(n => n.ParentId == parentId && (includeRetired || !n.Retired))
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Name)
            .Select(n => new { n, children = db.CatalogueNodes.Count(c => c.ParentId == n.Id && (includeRetired || !c.Retired)) })
            .ToListAsync(ct);
        return nodes.Select(x => ToDto(x.n, x.children)).ToList();
    }

    /// <summary>Every volume with its path, for the upload page's first picker (a few hundred rows at most).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Path)>> VolumesAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var all = await db.CatalogueNodes.AsNoTracking().Where(n => n.Level <= CatalogueLevel.Volume && !n.Retired).ToListAsync(ct);
        var byId = all.ToDictionary(n => n.Id);
        string PathOf(CatalogueNode n) => n.ParentId is { } p && byId.TryGetValue(p, out var parent) ? PathOf(parent) + " / " + n.Name : n.Name;
        return all.Where(n => n.Level == CatalogueLevel.Volume).Select(n => (n.Id, PathOf(n))).OrderBy(x => x.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>A volume's chapters and sections in order, indented by level, for the second picker.</summary>
    public static async Task<IReadOnlyList<CatalogueNodeDto>> DescendantsAsync(ResourcesDbContext db, Guid volumeId, CancellationToken ct)
    {
        var result = new List<CatalogueNodeDto>();
        foreach (var chapter in await ChildrenAsync(db, volumeId, false, ct))
        {
            result.Add(chapter);
            result.AddRange(await ChildrenAsync(db, chapter.Id, false, ct));
        }
        return result;
    }

    internal static CatalogueNodeDto ToDto(CatalogueNode n, int children) =>
        new(n.Id, n.ParentId, n.Level.ToString(), CatalogueLevels.Name(n.Level), n.Code, n.Name, n.SortOrder, n.GradeCode, n.Retired, children);

    public static async Task<Ok<IReadOnlyList<CatalogueNodeDto>>> EndpointAsync(ResourcesDbContext db, Guid? parentId, bool? includeRetired, CancellationToken ct) =>
        TypedResults.Ok(await ChildrenAsync(db, parentId, includeRetired == true, ct));

    public static async Task<Results<Ok<object>, NotFound>> PathEndpointAsync(ResourcesDbContext db, Guid id, CancellationToken ct) =>
        await CataloguePath.LoadAsync(db, id, ct) is { } path
            ? TypedResults.Ok((object)new { path.StageCode, path.SubjectCode, path.GradeCode, path.Display, nodes = path.Nodes.Select(n => ToDto(n, 0)) })
            : TypedResults.NotFound();
}
