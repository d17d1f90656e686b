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
    /// <param name="AmountCents">Net: the month's orders less the month's refunds.</param>
    public sealed record RevenueLine(Guid ResourceId, string ResourceTitle, string Month, int Orders, long AmountCents, string Amount, int Refunds = 0, long RefundedCents = 0);

    public sealed record RevenueDto(long TotalCents, string Total, int OrderCount, IReadOnlyList<RevenueLine> Lines, IReadOnlyList<BuyLicence.OrderDto> Recent,
        int RefundCount = 0, long RefundedCents = 0);

    public static async Task<RevenueDto> HandleAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var orders = await db.Orders.IgnoreQueryFilters().AsNoTracking().Where(o => o.ProviderId == me)
            .OrderByDescending(o => o.PlacedAt).ToListAsync(ct);
        var refunds = await db.Refunds.IgnoreQueryFilters().AsNoTracking().Where(r => r.ProviderId == me).ToListAsync(ct);
        var titles = orders.GroupBy(o => o.ResourceId).ToDictionary(g => g.Key, g => g.First().ResourceTitle);
        // Months are grouped here rather than in SQL: a month is a China-time month, and the two databases' date
        // functions differ. A provider's orders are thousands at most. A refund counts in the month it was made,
        // so a closed month's figures never change afterwards.
        var sold = orders.Select(o => (o.ResourceId, Month: Money.Month(o.PlacedAt), Orders: 1, Cents: o.AmountCents, Refunds: 0, Refunded: 0L));
        var returned = refunds.Select(r => (r.ResourceId, Month: Money.Month(r.RefundedAt), Orders: 0, Cents: -r.AmountCents, Refunds: 1, Refunded: r.AmountCents));
        var lines = sold.Concat(returned).GroupBy(x => (x.ResourceId, x.Month))
            .Select(g => new RevenueLine(g.Key.ResourceId, titles.GetValueOrDefault(g.Key.ResourceId, ""), g.Key.Month, g.Sum(x => x.Orders), g.Sum(x => x.Cents),
                Money.Yuan(g.Sum(x => x.Cents)), g.Sum(x => x.Refunds), g.Sum(x => x.Refunded)))
            .OrderByDescending(l => l.Month).ThenBy(l => l.ResourceTitle, StringComparer.Ordinal).ToList();
        var refundedCents = refunds.Sum(r => r.AmountCents);
        var total = orders.Sum(o => o.AmountCents) - refundedCents;
        var byOrder = refunds.ToDictionary(r => r.OrderId);
        return new RevenueDto(total, Money.Yuan(total), orders.Count, lines, orders.Take(50).Select(o => BuyLicence.ToDto(o, byOrder.GetValueOrDefault(o.Id))).ToList(),
            refunds.Count, refundedCents);
    }

    public static async Task<Ok<RevenueDto>> EndpointAsync(ResourcesDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct));
}
