using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Publishing;
using EduCloud.Resources.Features.Resources;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Interactions;

/// <summary>
/// The published resource a caller interacts with (favourite, rate, comment, push), or 404 when they cannot see it:
/// the same rule as the detail page (ResourceAccess), so nobody can rate or push what they could not find.
/// </summary>
internal static class VisibleResource
{
    public static async Task<Resource> RequireAsync(ResourcesDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null || !ResourceAccess.SeesPublished(db.Actor, resource, await ResourceAccess.CallerSchoolsAsync(db.Actor, directory, ct)))
        {
            throw new NotFoundException("未找到该资源");
        }
        return resource;
    }

    public static Guid Me(ResourcesDbContext db) => db.Actor.UserId ?? throw new ForbiddenException("请先登录");

    /// <summary>
    /// One use (an open or a download) of a resource: bumps the counters in SQL (no lost updates between concurrent
    /// requests) and refreshes the search document, which sorts "most used" on them.
    /// </summary>
    public static async Task CountUseAsync(ResourcesDbContext db, SearchFeeder feeder, Guid resourceId, bool download, CancellationToken ct)
    {
        await db.Resources.Where(r => r.Id == resourceId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.UseCount, r => r.UseCount + 1)
            .SetProperty(r => r.DownloadCount, r => r.DownloadCount + (download ? 1 : 0)), ct);
        await feeder.RefreshAsync(db, resourceId, ct);
    }
}
