using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Catalogue;

/// <summary>A node with its ancestors, from the stage down: what a resource's stage, subject, grade and path come from.</summary>
internal sealed record CataloguePath(IReadOnlyList<CatalogueNode> Nodes)
{
    public CatalogueNode Leaf => Nodes[^1];
    public CatalogueNode? At(CatalogueLevel level) => Nodes.FirstOrDefault(n => n.Level == level);
    public string StageCode => At(CatalogueLevel.Stage)?.Code ?? "";
    public string SubjectCode => At(CatalogueLevel.Subject)?.Code ?? "";
    public string? GradeCode => At(CatalogueLevel.Volume)?.GradeCode;
    public string Display => string.Join(" / ", Nodes.Select(n => n.Name));

    public static async Task<CataloguePath?> LoadAsync(ResourcesDbContext db, Guid nodeId, CancellationToken ct)
    {
        var nodes = new List<CatalogueNode>();
        Guid? next = nodeId;
        while (next is { } id && nodes.Count < 8)
        {
            var node = await db.CatalogueNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
            if (node is null)
            {
                return null;
            }
            nodes.Insert(0, node);
            next = node.ParentId;
        }
        return new CataloguePath(nodes);
    }

    public static async Task<CataloguePath> RequireAsync(ResourcesDbContext db, Guid nodeId, string field, CancellationToken ct) =>
        await LoadAsync(db, nodeId, ct) is { } path && !path.Leaf.Retired && path.Leaf.Level >= CatalogueLevel.Subject
            ? path
            : throw ValidationFailedException.For(field, "请选择教材目录中的学科、册、章或节");
}
