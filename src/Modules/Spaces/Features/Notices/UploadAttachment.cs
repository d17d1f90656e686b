using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>
/// 上传附件 for a notice about to be sent: checked by the kernel's FileIntake (size, type, content, virus) and kept
/// for its uploader until a notice takes it. Documents and pictures only, at most 10 MB each.
/// </summary>
internal static class UploadAttachment
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public static readonly string[] Formats = ["pdf", "docx", "xlsx", "pptx", "doc", "xls", "jpg", "png", "txt"];

    public sealed record Response(Guid Id, string FileName, long Bytes, string Format);

    public static async Task<Response> HandleAsync(SpacesDbContext db, FileIntake intake, TimeProvider clock, string fileName, Stream content, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var stored = await intake.KeepAsync("file", fileName, content, MaxBytes, Formats, ct);
        var attachment = new Attachment
        {
            OwnerId = me, Sha256 = stored.Sha256, Bytes = stored.Bytes, Format = stored.Format, ContentType = stored.ContentType,
            FileName = stored.FileName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return new Response(attachment.Id, attachment.FileName, attachment.Bytes, attachment.Format);
    }

    public static async Task<Created<Response>> EndpointAsync(SpacesDbContext db, FileIntake intake, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null)
        {
            throw ValidationFailedException.For("file", "请选择要上传的文件");
        }
        await using var stream = file.OpenReadStream();
        var response = await HandleAsync(db, intake, clock, file.FileName, stream, ct);
        return TypedResults.Created($"/api/v1/spaces/attachments/{response.Id}", response);
    }
}
