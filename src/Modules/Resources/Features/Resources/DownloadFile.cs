using EduCloud.Kernel.Files;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Publishing;
using EduCloud.Resources.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace EduCloud.Resources.Features.Resources;

/// <summary>
/// A version's file, streamed from the blob store with HTTP range requests (a video seeks without downloading what
/// it skips; nothing is buffered in memory). The published version unless a versionId is given (reviewers and the
/// owner). Priced resources pass the entitlement check; refusals are 403 whatever URL was guessed, and audited.
/// With Files:S3:PresignDownloads the published file is a 302 to a short-lived presigned link instead.
/// </summary>
internal static class DownloadFile
{
    /// <summary>The version the caller asked for, after the visibility and entitlement checks (404/403 otherwise).</summary>
    private static async Task<ResourceVersion> ResolveAsync(ResourcesDbContext db, IOrganizationDirectory directory, AuditTrail audit, Guid id, Guid? versionId, CancellationToken ct)
    {
        var actor = db.Actor;
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("未找到该资源");
        var schools = await ResourceAccess.CallerSchoolsAsync(actor, directory, ct);
        var workflow = ResourceAccess.SeesWorkflow(actor, resource);
        var wanted = versionId ?? resource.PublishedVersionId;
        if (wanted is null || (!workflow && (wanted != resource.PublishedVersionId || !ResourceAccess.SeesPublished(actor, resource, schools))))
        {
            throw new NotFoundException("未找到该资源");
        }
        if (!workflow && !await Entitlements.AllowsAsync(db, resource, actor, schools, ct))
        {
            await audit.RecordAsync(AuditActions.Denied, "ResourceFile", resource.Id.ToString(), AuditOutcome.Denied, "no entitlement", ct: ct);
            throw new ForbiddenException("该资源为付费资源，本校尚未获得使用授权");
        }
        return await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == wanted && v.ResourceId == id, ct) ?? throw new NotFoundException("未找到该资源版本");
    }

    public static async Task<IResult> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, IBlobStore blobs, AuditTrail audit,
        SearchFeeder feeder, Guid id, Guid? versionId, bool? download, HttpContext http, CancellationToken ct)
    {
        var version = await ResolveAsync(db, directory, audit, id, versionId, ct);
        if (download == true && versionId is null)
        {
            // A download is a use ("most used"); the many range requests of a player are not.
            await Interactions.VisibleResource.CountUseAsync(db, feeder, id, download: true, ct);
        }
        // A published file may be fetched straight from the bucket (Files:S3:PresignDownloads): the link is made only
        // here, after the visibility and entitlement checks above, and expires in minutes, so it is no more shareable
        // than the bytes themselves. Workflow reads of other versions stay on this endpoint.
        if (versionId is null && await blobs.PresignReadAsync(version.BlobSha256, version.ContentType, download == true ? version.FileName : null, ct) is { } link)
        {
            return TypedResults.Redirect(link.AbsoluteUri);
        }
        return await ServeAsync(http, blobs, version.BlobSha256, version.ContentType, download == true ? version.FileName : null, ct);
    }

    /// <summary>The PDF made from an Office file, under the same checks as the file itself.</summary>
    public static async Task<IResult> PreviewEndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, IBlobStore blobs, AuditTrail audit,
        Guid id, Guid? versionId, HttpContext http, CancellationToken ct)
    {
        var version = await ResolveAsync(db, directory, audit, id, versionId, ct);
        var preview = await db.Blobs.AsNoTracking().Where(b => b.Sha256 == version.BlobSha256 && b.Preview == PreviewStatus.Ready).Select(b => b.PreviewSha256).FirstOrDefaultAsync(ct);
        return preview is null ? throw new NotFoundException("预览尚未生成") : await ServeAsync(http, blobs, preview, "application/pdf", null, ct);
    }

    internal static async Task<IResult> ServeAsync(HttpContext http, IBlobStore blobs, string sha, string contentType, string? downloadName, CancellationToken ct)
    {
        var stream = await blobs.OpenReadAsync(sha, ct) ?? throw new NotFoundException("文件不存在");
        http.Response.Headers.CacheControl = "private, max-age=3600";
        // Only the sniffed, whitelisted types are served (no HTML, no SVG), and the browser must not guess another:
        // a .txt holding markup stays text. (A CSP sandbox header would also stop Chrome's built-in PDF viewer.)
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, contentType, downloadName, entityTag: new EntityTagHeaderValue("\"" + sha + "\""), enableRangeProcessing: true);
    }
}
