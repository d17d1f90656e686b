using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Trading;

/// <summary>
/// A school administrator buys a licence for a priced, published resource for their school. One SaveChanges (one
/// transaction, with its audit lines) debits the school's budget of the current year, writes the order and the
/// entitlement that downloads check. The budget row's Version is a concurrency token: of two orders racing for the
/// same money only one commits; the other re-reads and is judged again (insufficient budget, or already bought).
/// 续订: within <see cref="RenewalWindow"/> of a term licence's end the school may buy again, and the new term starts
/// where the old one ends, so renewing early loses no days.
/// </summary>
internal static class BuyLicence
{
    public sealed record Request(Guid ResourceId, Guid? SchoolId);

    public sealed record OrderDto(Guid Id, string Number, Guid ResourceId, string ResourceTitle, string ProviderName, Guid SchoolId, string SchoolName,
        int BudgetYear, long AmountCents, string Amount, string Term, DateTime? ExpiresAt, string BuyerName, DateTime PlacedAt,
        bool IsRenewal = false, DateTime? RefundedAt = null, string? RefundReason = null, bool Refundable = false);

    private const int Attempts = 5;

    public static readonly TimeSpan RenewalWindow = TimeSpan.FromDays(60);

    public static bool IsRenewable(Entitlement held, DateTime now) => held.ExpiresAt is { } end && end - now <= RenewalWindow;

    public static async Task<OrderDto> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var schoolId = request.SchoolId ?? (actor.Scope.ManagedSchools.Count == 1 ? actor.Scope.ManagedSchools[0] : Guid.Empty);
        if (!actor.Scope.ManagedSchools.Contains(schoolId))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(ResourceOrder), request.ResourceId.ToString(), AuditOutcome.Denied, "not a school administrator of the school", ct: ct);
            throw new ForbiddenException("只有本校的学校管理员可以为本校购买资源授权");
        }
        var school = await directory.FindSchoolAsync(schoolId, ct) ?? throw new NotFoundException("未找到该学校");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryOnceAsync(db, clock, request.ResourceId, school, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("resourceId", "本校预算正被其他订单使用，请稍后重试");
            }
        }
    }

    private static async Task<OrderDto> TryOnceAsync(ResourcesDbContext db, TimeProvider clock, Guid resourceId, SchoolInfo school, CancellationToken ct)
    {
        var actor = db.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct);
        if (resource?.PublishedVersionId is null)
        {
            throw new NotFoundException("未找到该资源或该资源未发布");
        }
        if (resource.PriceCents <= 0)
        {
            throw ValidationFailedException.For("resourceId", "该资源免费使用，无需购买");
        }
        // The budget row is read BEFORE the entitlement check: an order committed after this read bumps the budget's
        // Version, so this save fails and is retried (and then sees the entitlement); one committed before it is
        // seen by the check. Checking first let a second order of the same resource slip in between.
        var year = Money.CurrentYear(clock);
        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.SchoolId == school.Id && b.Year == year, ct);
        var held = await Entitlements.SchoolHoldsAsync(db, resource.Id, school.Id, now, ct);
        if (held is not null && !IsRenewable(held, now))
        {
            throw new ConflictException("resourceId", held.ExpiresAt is { } end
                ? $"本校已购买该资源的使用授权（至{end:yyyy-MM-dd}），到期前{RenewalWindow.Days}天内可以续订"
                : "本校已购买该资源的永久使用授权，无需重复购买");
        }
        if (budget is null || budget.BalanceCents < resource.PriceCents)
        {
            throw ValidationFailedException.For("budget",
                $"本校{year}年度资源经费余额不足：余额{Money.Yuan(budget?.BalanceCents ?? 0)}，该资源价格{Money.Yuan(resource.PriceCents)}");
        }
        var title = await db.Versions.Where(v => v.Id == resource.PublishedVersionId).Select(v => v.Title).FirstAsync(ct);
        budget.SpentCents += resource.PriceCents;
        budget.Version++;
        budget.UpdatedAt = now;
        var starts = held?.ExpiresAt ?? now;
        var expires = resource.LicenceYears is { } years ? starts.AddYears(years) : (DateTime?)null;
        var order = new ResourceOrder
        {
            ResourceId = resource.Id, ResourceTitle = title, ProviderId = resource.OwnerId, ProviderName = resource.ProviderName,
            SchoolName = school.Name, BudgetYear = year, AmountCents = resource.PriceCents, LicenceYears = resource.LicenceYears, ExpiresAt = expires, IsRenewal = held is not null,
            BuyerId = actor.UserId, BuyerName = actor.DisplayName ?? "", PlacedAt = now,
            SchoolId = school.Id, ProvinceCode = school.Key.ProvinceCode, CityCode = school.Key.CityCode, CountyCode = school.Key.CountyCode,
        };
        order.Number = now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + order.Id.ToString("N")[^8..].ToUpperInvariant();
        var entitlement = new Entitlement { ResourceId = resource.Id, SchoolId = school.Id, GrantedAt = now, ExpiresAt = expires, Source = "order:" + order.Number };
        order.EntitlementId = entitlement.Id;
        db.Orders.Add(order);
        db.Entitlements.Add(entitlement);
        await db.SaveChangesAsync(ct);
        return ToDto(order);
    }

    public static OrderDto ToDto(ResourceOrder o, OrderRefund? refund = null, bool refundable = false) => new(o.Id, o.Number, o.ResourceId, o.ResourceTitle,
        o.ProviderName, o.SchoolId!.Value, o.SchoolName, o.BudgetYear, o.AmountCents, Money.Yuan(o.AmountCents), Money.Term(o.LicenceYears), o.ExpiresAt,
        o.BuyerName, o.PlacedAt, o.IsRenewal, refund?.RefundedAt, refund?.Reason, refundable);

    public static async Task<Created<OrderDto>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock, Request request, CancellationToken ct)
    {
        var order = await HandleAsync(db, directory, audit, clock, request, ct);
        return TypedResults.Created($"/api/v1/resources/orders/{order.Id}", order);
    }
}
