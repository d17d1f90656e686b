using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Resources;

/// <summary>
/// The owner submits a new version: after a rejection (to answer the reviewers' comments) or to update a published
/// or taken-down resource. Not while another version is still a draft or in review. Old versions stay as they were.
/// </summary>
internal static class AddVersion
{
    public sealed record Request(VersionInput Version, bool Submit = false);

    private static readonly ReviewStatus[] Open = [ReviewStatus.Draft, ReviewStatus.Submitted, ReviewStatus.FirstReview, ReviewStatus.ExpertReview];

    public static async Task<int> HandleAsync(ResourcesDbContext db, TimeProvider clock, Guid resourceId, Request request, CancellationToken ct)
    {
        var resource = await db.Resources.FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null || resource.OwnerId != db.Actor.UserId)
        {
            throw new NotFoundException("未找到该资源");
        }
        if (await db.Versions.AnyAsync(v => v.ResourceId == resourceId && Open.Contains(v.Status), ct))
        {
            throw new ConflictException("version", "该资源已有草稿或审核中的版本，不能再提交新版本");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var version = await VersionInputs.BuildAsync(db, request.Version, now, new Problems(), ct);
        version.ResourceId = resource.Id;
        version.Number = ++resource.LatestVersionNumber;
        db.Versions.Add(version);
        db.Events.Add(ReviewEvents.Created(version, db.Actor, now));
        if (request.Submit)
        {
            db.Events.Add(ReviewEvents.Take(version, ReviewTrigger.Submit, db.Actor, null, now));
        }
        await db.SaveChangesAsync(ct);
        return version.Number;
    }

    public static async Task<Created<ResourceDetailDto>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        await HandleAsync(db, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/resources/{id}", await GetResource.HandleAsync(db, directory, id, ct));
    }
}
