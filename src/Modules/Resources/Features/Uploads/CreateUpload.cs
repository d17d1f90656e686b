using EduCloud.Kernel.Files;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Resources.Features.Uploads;

/// <summary>
/// Starts a resumable upload: the client declares the file name, total size and SHA-256 (hex). Refused at once if
/// the size is over the limit or the extension is not served, before a single byte is sent.
/// </summary>
internal static class CreateUpload
{
    public sealed record Request(string? FileName, long TotalBytes, string? Sha256);

    public static async Task<UploadDto> HandleAsync(ResourcesDbContext db, ResourcesOptions options, TimeProvider clock, Request request, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var name = Path.GetFileName(PlainText.Clean(request.FileName));
        var sha = request.Sha256?.Trim().ToLowerInvariant() ?? "";
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        new Problems()
            .Required(name, "fileName", "文件名")
            .MaxLength(name, 255, "fileName", "文件名")
            .Check(name.Length == 0 || ContentSniffer.Extensions.Contains(extension == "jpeg" ? "jpg" : extension), "fileName",
                $"不支持的文件类型，支持：{string.Join("、", ContentSniffer.Extensions)}")
            .Check(request.TotalBytes > 0, "totalBytes", "文件大小必须大于0")
            .Check(request.TotalBytes <= options.MaxFileBytes, "totalBytes", $"文件超过大小上限（{options.MaxFileBytes / 1024 / 1024} MB）")
            .Check(sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower), "sha256", "SHA-256校验值应为64位十六进制")
            .ThrowIfAny();
        var session = new UploadSession
        {
            OwnerId = me,
            FileName = name,
            TotalBytes = request.TotalBytes,
            ClaimedSha256 = sha,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Uploads.Add(session);
        await db.SaveChangesAsync(ct);
        Directory.CreateDirectory(options.UploadDirectory);
        await File.WriteAllBytesAsync(UploadFiles.PartPath(options, session.Id), [], ct);
        return UploadFiles.ToDto(options, session);
    }

    public static async Task<Created<UploadDto>> EndpointAsync(ResourcesDbContext db, ResourcesOptions options, TimeProvider clock, Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, options, clock, request, ct);
        return TypedResults.Created($"/api/v1/resources/uploads/{dto.Id}", dto);
    }
}
