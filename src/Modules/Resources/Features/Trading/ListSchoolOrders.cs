using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Trading;

/// <summary>
/// A school's orders (with their refunds, and whether the caller may still refund them) and budgets (newest first). The scope filter decides which schools: a school administrator
/// sees their school, a bureau its schools; schoolId narrows to one.
/// </summary>
internal static class ListSchoolOrders
{
    public sealed record SchoolOrdersDto(int Year, IReadOnlyList<BudgetDto> Budgets, IReadOnlyList<BuyLicence.OrderDto> Orders);

    public static async Task<SchoolOrdersDto> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid? schoolId, CancellationToken ct)
    {
        var year = Money.CurrentYear(clock);
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.Year == year && (schoolId == null || b.SchoolId == schoolId))
            .OrderBy(b => b.SchoolId).Take(500).ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking().Where(o => schoolId == null || o.SchoolId == schoolId)
            .OrderByDescending(o => o.PlacedAt).Take(200).ToListAsync(ct);
        var names = await directory.SchoolNamesAsync(budgets.Select(b => b.SchoolId!.Value).ToHashSet(), ct);
        var ids = orders.Select(o => o.Id).ToList();
        var refunds = await db.Refunds.AsNoTracking().Where(r => ids.Contains(r.OrderId)).ToDictionaryAsync(r => r.OrderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var managed = db.Actor.Scope.ManagedSchools;
        return new SchoolOrdersDto(year,
            budgets.Select(b => BudgetDtos.From(b, names.GetValueOrDefault(b.SchoolId!.Value, ""))).ToList(),
            orders.Select(o => BuyLicence.ToDto(o, refunds.GetValueOrDefault(o.Id),
                refundable: !refunds.ContainsKey(o.Id) && RefundOrder.InWindow(o, now) && managed.Contains(o.SchoolId!.Value))).ToList());
    }

    public static async Task<Ok<SchoolOrdersDto>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid? schoolId, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, schoolId, ct));
}
