using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Catalogue;

/// <summary>
/// Administrators edit the catalogue: add a child node, rename, reorder, set a volume's grade, retire. A node a
/// resource points at is retired, never deleted, so old resources keep their place; stage and subject nodes take
/// their codes from the code lists (the search facets use them).
/// </summary>
internal static class EditCatalogue
{
    public sealed record AddRequest(Guid? ParentId, string? Name, string? Code, string? GradeCode, int? SortOrder);

    public sealed record UpdateRequest(string? Name, string? GradeCode, int? SortOrder, bool? Retired);

    public static async Task<CatalogueNodeDto> AddAsync(ResourcesDbContext db, AddRequest request, CancellationToken ct)
    {
        var parent = request.ParentId is { } pid ? await db.CatalogueNodes.FirstOrDefaultAsync(n => n.Id == pid, ct) ?? throw ValidationFailedException.For("parentId", "上级节点不存在") : null;
        if (parent?.Level == CatalogueLevel.Section)
        {
            throw ValidationFailedException.For("parentId", "节/课之下不能再分");
        }
        var level = parent is null ? CatalogueLevel.Stage : parent.Level + 1;
        var name = PlainText.Clean(request.Name);
        var code = CodeFor(level, name, request.Code);
        new Problems()
            .Required(name, "name", "名称")
            .MaxLength(name, 100, "name", "名称")
            .Check(!PlainText.HasMarkup(name), "name", "名称不能包含HTML标记")
            .Check(code is not null, "code", level == CatalogueLevel.Stage ? "学段应为小学、初中或高中" : "未知的学科，请从学科代码表中选择")
            .Check(request.GradeCode is null || ResourceCodes.Has(ResourceCodes.Grades, request.GradeCode), "gradeCode", "未知的年级")
            .ThrowIfAny();
        if (await db.CatalogueNodes.AnyAsync(n => n.ParentId == request.ParentId && n.Name == name, ct))
        {
            throw new ConflictException("name", "同一上级下已有同名节点");
        }
        var order = request.SortOrder ?? (await db.CatalogueNodes.Where(n => n.ParentId == request.ParentId).MaxAsync(n => (int?)n.SortOrder, ct) ?? 0) + 1;
        var node = new CatalogueNode
        {
            ParentId = parent?.Id,
            Level = level,
            Name = name,
            Code = code!,
            SortOrder = order,
            GradeCode = level == CatalogueLevel.Volume ? request.GradeCode ?? GradeOf(name) : null,
        };
        db.CatalogueNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return ListCatalogue.ToDto(node, 0);
    }

    public static async Task<CatalogueNodeDto> UpdateAsync(ResourcesDbContext db, Guid id, UpdateRequest request, CancellationToken ct)
    {
        var node = await db.CatalogueNodes.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("未找到该目录节点");
        var name = request.Name is null ? node.Name : PlainText.Clean(request.Name);
        new Problems()
            .Required(name, "name", "名称")
            .MaxLength(name, 100, "name", "名称")
            .Check(!PlainText.HasMarkup(name), "name", "名称不能包含HTML标记")
            .Check(request.GradeCode is null || request.GradeCode.Length == 0 || ResourceCodes.Has(ResourceCodes.Grades, request.GradeCode), "gradeCode", "未知的年级")
            .ThrowIfAny();
        if (name != node.Name && await db.CatalogueNodes.AnyAsync(n => n.ParentId == node.ParentId && n.Name == name && n.Id != id, ct))
        {
            throw new ConflictException("name", "同一上级下已有同名节点");
        }
        node.Name = name;
        node.SortOrder = request.SortOrder ?? node.SortOrder;
        if (node.Level == CatalogueLevel.Volume && request.GradeCode is not null)
        {
            node.GradeCode = request.GradeCode.Length == 0 ? null : request.GradeCode;
        }
        node.Retired = request.Retired ?? node.Retired;
        await db.SaveChangesAsync(ct);
        return ListCatalogue.ToDto(node, await db.CatalogueNodes.CountAsync(c => c.ParentId == id, ct));
    }

    /// <summary>Stage and subject nodes carry the code-list code; below them a given code or the name's own.</summary>
    internal static string? CodeFor(CatalogueLevel level, string name, string? code) => level switch
    {
        CatalogueLevel.Stage => ResourceCodes.Stages.FirstOrDefault(s => s.Name == name || s.Code == code).Code,
        CatalogueLevel.Subject => ResourceCodes.Subjects.FirstOrDefault(s => s.Name == name || s.Code == code).Code,
        _ => string.IsNullOrWhiteSpace(code) ? (name.Length > 40 ? name[..40] : name) : code.Trim(),
    };

    /// <summary>"七年级上册" → 7; "必修 第一册" → none.</summary>
    internal static string? GradeOf(string volumeName) =>
        ResourceCodes.Grades.Where(g => volumeName.StartsWith(g.Name, StringComparison.Ordinal)).Select(g => g.Code).FirstOrDefault();

    public static async Task<Created<CatalogueNodeDto>> AddEndpointAsync(ResourcesDbContext db, AddRequest request, CancellationToken ct)
    {
        var dto = await AddAsync(db, request, ct);
        return TypedResults.Created($"/api/v1/resources/catalogue/{dto.Id}", dto);
    }

    public static async Task<Ok<CatalogueNodeDto>> UpdateEndpointAsync(ResourcesDbContext db, Guid id, UpdateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await UpdateAsync(db, id, request, ct));
}
