using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Uploads;

/// <summary>Where an upload stands: after an interruption the client asks for the offset and sends from there.</summary>
internal static class GetUpload
{
    /// <summary>The caller's own upload; anyone else's is "not found", so ids cannot be probed.</summary>
    public static async Task<UploadSession> FindOwnAsync(ResourcesDbContext db, Guid id, CancellationToken ct)
    {
        var session = await db.Uploads.FirstOrDefaultAsync(u => u.Id == id, ct);
        return session is not null && session.OwnerId == db.Actor.UserId ? session : throw new NotFoundException("未找到该上传");
    }

    public static async Task<Ok<UploadDto>> EndpointAsync(ResourcesDbContext db, ResourcesOptions options, Guid id, HttpResponse response, CancellationToken ct)
    {
        var session = await FindOwnAsync(db, id, ct);
        var dto = UploadFiles.ToDto(options, session);
        SetHeaders(response, dto);
        return TypedResults.Ok(dto);
    }

    /// <summary>HEAD: the same answer in headers only (Upload-Offset, Upload-Length), as tus clients expect.</summary>
    public static async Task<NoContent> HeadEndpointAsync(ResourcesDbContext db, ResourcesOptions options, Guid id, HttpResponse response, CancellationToken ct)
    {
        var session = await FindOwnAsync(db, id, ct);
        SetHeaders(response, UploadFiles.ToDto(options, session));
        return TypedResults.NoContent();
    }

    internal static void SetHeaders(HttpResponse response, UploadDto dto)
    {
        response.Headers["Upload-Offset"] = dto.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["Upload-Length"] = dto.TotalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }
}
