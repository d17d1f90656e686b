using EduCloud.Kernel.Scope;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Resources;

/// <summary>
/// The entitlement hook: may this caller use this resource's file? Free resources (basic, school-based, price 0)
/// yes; a priced one only with an unexpired entitlement for one of the caller's schools or for the caller's own
/// account. The orders of the licensing work write the entitlements; this is the one place that reads them.
/// </summary>
internal static class Entitlements
{
    public static async Task<bool> AllowsAsync(ResourcesDbContext db, Resource resource, ICurrentActor actor, IReadOnlyCollection<Guid> schools, CancellationToken ct)
    {
        if (resource.PriceCents == 0 || actor.Scope.IsSystem || actor.UserId == resource.OwnerId)
        {
            return true;
        }
        var now = DateTime.UtcNow;
        var me = actor.UserId;
        return await db.Entitlements.AsNoTracking().AnyAsync(e => e.ResourceId == resource.Id
            && ((e.SchoolId != null && schools.Contains(e.SchoolId.Value)) || (me != null && e.AccountId == me))
            && e.RevokedAt == null && (e.ExpiresAt == null || e.ExpiresAt > now), ct);
    }

    /// <summary>
    /// The school's licence for this resource that runs longest (null = none in force): buying again is refused
    /// while it has long to run, and a renewal starts where it ends.
    /// </summary>
    public static async Task<Entitlement?> SchoolHoldsAsync(ResourcesDbContext db, Guid resourceId, Guid schoolId, DateTime now, CancellationToken ct)
    {
        var held = await db.Entitlements.AsNoTracking()
            .Where(e => e.ResourceId == resourceId && e.SchoolId == schoolId && e.RevokedAt == null && (e.ExpiresAt == null || e.ExpiresAt > now)).ToListAsync(ct);
        return held.OrderBy(e => e.ExpiresAt ?? DateTime.MaxValue).LastOrDefault();
    }
}
