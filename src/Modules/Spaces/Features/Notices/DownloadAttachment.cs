using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>Serves a notice's attachment to whoever may read the notice (range requests allowed).</summary>
internal static class DownloadAttachment
{
    public static async Task<FileStreamHttpResult> EndpointAsync(SpacesDbContext db, IBlobStore blobs, Guid id, Guid attachmentId, CancellationToken ct)
    {
        await NoticeAccess.FindAsync(db, id, ct);
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.NoticeId == id, ct)
            ?? throw new NotFoundException("未找到该附件");
        var stream = await blobs.OpenReadAsync(attachment.Sha256, ct) ?? throw new NotFoundException("附件文件已丢失");
        return TypedResults.Stream(stream, attachment.ContentType, attachment.FileName, enableRangeProcessing: true);
    }
}
