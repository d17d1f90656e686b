using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Trading;

/// <summary>
/// A provider's orders and revenue per resource and per month (China time). Orders are scoped rows of the buying
/// schools, which a provider's scope does not reach; the provider's claim is ownership (ProviderId = the caller),
/// so this one query leaves the place filter aside and filters by that id instead.
/// </summary>
internal static class ReportRevenue
{
    public sealed record RevenueLine(Guid ResourceId, string ResourceTitle, string Month, int Orders, long AmountCents, string Amount);

    public sealed record RevenueDto(long TotalCents, string Total, int OrderCount, IReadOnlyList<RevenueLine> Lines, IReadOnlyList<BuyLicence.OrderDto> Recent);

    public static async Task<RevenueDto> HandleAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var orders = await db.Orders.IgnoreQueryFilters().AsNoTracking().Where(o => o.ProviderId == me)
            .OrderByDescending(o => o.PlacedAt).ToListAsync(ct);
        // Months are grouped here rather than in SQL: a month is a China-time month, and the two databases' date
        // functions differ. A provider's orders are thousands at most.
        var lines = orders.GroupBy(o => (o.ResourceId, Month: Money.Month(o.PlacedAt)))
            .Select(g => new RevenueLine(g.Key.ResourceId, g.First().ResourceTitle, g.Key.Month, g.Count(), g.Sum(o => o.AmountCents), Money.Yuan(g.Sum(o => o.AmountCents))))
            .OrderByDescending(l => l.Month).ThenBy(l => l.ResourceTitle, StringComparer.Ordinal).ToList();
        var total = orders.Sum(o => o.AmountCents);
        return new RevenueDto(total, Money.Yuan(total), orders.Count, lines, orders.Take(50).Select(BuyLicence.ToDto).ToList());
    }

    public static async Task<Ok<RevenueDto>> EndpointAsync(ResourcesDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct));
}
