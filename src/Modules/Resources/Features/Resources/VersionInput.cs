using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Resources;

/// <summary>The metadata and file of one version, as a provider enters them (API and upload page alike).</summary>
public sealed record VersionInput(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? KnowledgePoints,
    string? TypeCode,
    string? LanguageCode,
    string? LicenceCode,
    Guid? CatalogueNodeId,
    string? GradeCode,
    int? DurationSeconds,
    Guid? UploadId);

internal static class VersionInputs
{
    /// <summary>Validates the input and builds the version (number and resource id set by the caller). Reports every problem at once.</summary>
    public static async Task<ResourceVersion> BuildAsync(ResourcesDbContext db, VersionInput input, DateTime now, Problems problems, CancellationToken ct)
    {
        var title = PlainText.Clean(input.Title);
        var description = PlainText.Clean(input.Description);
        var tags = CleanList(input.Tags);
        var points = CleanList(input.KnowledgePoints);
        problems
            .Required(title, "title", "标题")
            .MaxLength(title, 200, "title", "标题")
            .Check(!PlainText.HasMarkup(title), "title", "标题不能包含HTML标记")
            .MaxLength(description, 4000, "description", "简介")
            .Check(!PlainText.HasMarkup(description), "description", "简介不能包含HTML标记")
            .Check(tags.Count <= 20 && tags.All(t => t.Length <= 30), "tags", "标签最多20个，每个不超过30个字符")
            .Check(!tags.Any(PlainText.HasMarkup), "tags", "标签不能包含HTML标记")
            .Check(points.Count <= 20 && points.All(t => t.Length <= 50), "knowledgePoints", "知识点最多20个，每个不超过50个字符")
            .Check(!points.Any(PlainText.HasMarkup), "knowledgePoints", "知识点不能包含HTML标记")
            .Check(ResourceCodes.Has(ResourceCodes.Types, input.TypeCode), "typeCode", "请选择资源类型")
            .Check(ResourceCodes.Has(ResourceCodes.Languages, input.LanguageCode ?? "zh"), "languageCode", "未知的语种")
            .Check(ResourceCodes.Has(ResourceCodes.Licences, input.LicenceCode), "licenceCode", "请选择授权方式")
            .Check(input.GradeCode is null || ResourceCodes.Has(ResourceCodes.Grades, input.GradeCode), "gradeCode", "未知的年级")
            .Check(input.DurationSeconds is null or >= 0 and <= 86_400, "durationSeconds", "时长应在0到86400秒之间")
            .Check(input.CatalogueNodeId is not null, "catalogueNodeId", "请选择教材目录节点")
            .Check(input.UploadId is not null, "uploadId", "请先上传文件");
        problems.ThrowIfAny();
        var path = await CataloguePath.RequireAsync(db, input.CatalogueNodeId!.Value, "catalogueNodeId", ct);
        var upload = await db.Uploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.UploadId, ct);
        if (upload is null || upload.OwnerId != db.Actor.UserId || upload.Status != UploadStatus.Completed || upload.BlobSha256 is null)
        {
            throw ValidationFailedException.For("uploadId", "文件尚未上传完成或未通过检查");
        }
        var blob = await db.Blobs.AsNoTracking().FirstAsync(b => b.Sha256 == upload.BlobSha256, ct);
        return new ResourceVersion
        {
            Title = title,
            Description = description,
            Tags = tags,
            KnowledgePoints = points,
            TypeCode = input.TypeCode!,
            LanguageCode = input.LanguageCode ?? "zh",
            LicenceCode = input.LicenceCode!,
            CatalogueNodeId = path.Leaf.Id,
            CataloguePath = path.Nodes.Select(n => n.Name).ToList(),
            CatalogueNodeIds = path.Nodes.Select(n => n.Id).ToList(),
            StageCode = path.StageCode,
            SubjectCode = path.SubjectCode,
            GradeCode = path.GradeCode ?? input.GradeCode,
            BlobSha256 = blob.Sha256,
            FileName = upload.FileName,
            Format = blob.Format,
            ContentType = blob.ContentType,
            SizeBytes = blob.SizeBytes,
            DurationSeconds = input.DurationSeconds,
            CreatedAt = now,
        };
    }

    private static List<string> CleanList(IReadOnlyList<string>? values) =>
        (values ?? []).SelectMany(v => v.Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries))
            .Select(PlainText.Clean).Where(v => v.Length > 0).Distinct().ToList();
}
