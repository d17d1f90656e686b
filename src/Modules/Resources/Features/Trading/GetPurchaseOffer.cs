using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Features.Resources;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Trading;

/// <summary>What the buy panel of a priced resource shows a school administrator: price, term, budget left, owned, renewable.</summary>
internal static class GetPurchaseOffer
{
    public sealed record OfferDto(Guid ResourceId, long PriceCents, string Price, string Term, Guid SchoolId, string SchoolName, int Year,
        long BalanceCents, string Balance, bool Owned, bool Affordable, DateTime? OwnedUntil = null, bool Renewable = false);

    /// <summary>Null when the caller administers no single school or the resource is not a published priced one.</summary>
    public static async Task<OfferDto?> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid resourceId, CancellationToken ct)
    {
        var actor = db.Actor;
        if (!actor.Roles.Contains(Role.SchoolAdmin) || actor.Scope.ManagedSchools.Count != 1)
        {
            return null;
        }
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource is null || resource.PriceCents <= 0 || resource.PublishedVersionId is null)
        {
            return null;
        }
        var schoolId = actor.Scope.ManagedSchools[0];
        var school = await directory.FindSchoolAsync(schoolId, ct);
        var year = Money.CurrentYear(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var balance = await db.Budgets.AsNoTracking().Where(b => b.SchoolId == schoolId && b.Year == year).Select(b => b.AllocatedCents - b.SpentCents).FirstOrDefaultAsync(ct);
        var held = await Entitlements.SchoolHoldsAsync(db, resourceId, schoolId, now, ct);
        return new OfferDto(resourceId, resource.PriceCents, Money.Yuan(resource.PriceCents), Money.Term(resource.LicenceYears), schoolId, school?.Name ?? "", year,
            balance, Money.Yuan(balance), held is not null, balance >= resource.PriceCents, held?.ExpiresAt, held is not null && BuyLicence.IsRenewable(held, now));
    }
}
