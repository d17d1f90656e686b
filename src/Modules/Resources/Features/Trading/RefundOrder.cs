using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Trading;

/// <summary>
/// 退款: the buying school's administrator takes an order back within <see cref="Window"/> of placing it, with a
/// reason. One SaveChanges credits the budget of the order's year, revokes the entitlement (downloads stop at once)
/// and writes the refund the provider's revenue subtracts. The unique OrderId makes a double refund impossible even
/// when two clicks race; the budget's Version serialises it with concurrent orders as BuyLicence does.
/// </summary>
internal static class RefundOrder
{
    public sealed record Request(string? Reason);

    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    public const int ReasonLength = 200;

    private const int Attempts = 5;

    public static bool InWindow(ResourceOrder order, DateTime now) => now - order.PlacedAt <= Window;

    public static async Task<BuyLicence.OrderDto> HandleAsync(ResourcesDbContext db, AuditTrail audit, TimeProvider clock, Guid orderId, Request request, CancellationToken ct)
    {
        var reason = PlainText.Clean(request.Reason);
        new Problems().Required(reason, "reason", "退款原因").MaxLength(reason, ReasonLength, "reason", "退款原因").ThrowIfAny();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryOnceAsync(db, audit, clock, orderId, reason, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConflictException("orderId", "本校预算正被其他订单使用，请稍后重试");
            }
            catch (DbUpdateException)
            {
                // The unique OrderId of the refunds: another request refunded this order first.
                throw new ConflictException("orderId", "该订单已退款");
            }
        }
    }

    private static async Task<BuyLicence.OrderDto> TryOnceAsync(ResourcesDbContext db, AuditTrail audit, TimeProvider clock, Guid orderId, string reason, CancellationToken ct)
    {
        var actor = db.Actor;
        var now = clock.GetUtcNow().UtcDateTime;
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException("未找到该订单");
        if (!actor.Scope.ManagedSchools.Contains(order.SchoolId!.Value))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(OrderRefund), orderId.ToString(), AuditOutcome.Denied, "not a school administrator of the buying school", ct: ct);
            throw new ForbiddenException("只有下单学校的学校管理员可以申请退款");
        }
        if (await db.Refunds.AnyAsync(r => r.OrderId == orderId, ct))
        {
            throw new ConflictException("orderId", "该订单已退款");
        }
        if (!InWindow(order, now))
        {
            throw ValidationFailedException.For("orderId", $"订单于{order.PlacedAt.AddHours(8):yyyy-MM-dd}下单，已超过{Window.Days}天退款期限");
        }
        var budget = await db.Budgets.FirstAsync(b => b.SchoolId == order.SchoolId && b.Year == order.BudgetYear, ct);
        budget.SpentCents -= order.AmountCents;
        budget.Version++;
        budget.UpdatedAt = now;
        var entitlement = await db.Entitlements.FirstAsync(e => e.Id == order.EntitlementId, ct);
        entitlement.RevokedAt = now;
        var refund = new OrderRefund
        {
            OrderId = order.Id, ResourceId = order.ResourceId, ProviderId = order.ProviderId, BudgetYear = order.BudgetYear, AmountCents = order.AmountCents,
            Reason = reason, ById = actor.UserId, ByName = actor.DisplayName ?? "", RefundedAt = now,
            ProvinceCode = order.ProvinceCode, CityCode = order.CityCode, CountyCode = order.CountyCode, SchoolId = order.SchoolId,
        };
        db.Refunds.Add(refund);
        await db.SaveChangesAsync(ct);
        return BuyLicence.ToDto(order, refund);
    }

    public static async Task<Ok<BuyLicence.OrderDto>> EndpointAsync(ResourcesDbContext db, AuditTrail audit, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, audit, clock, id, request, ct));
}
