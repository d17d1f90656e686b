using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Resources.Features.Trading;

/// <summary>
/// The buy button, the refund form and the budget form of the pages post here (antiforgery-checked, cookie session), run the same
/// handlers as the API and go back with the outcome in the query string (as the review buttons do).
/// </summary>
internal static class TradingPageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/resources/actions/buy", BuyAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/resources/actions/budget", AllocateAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/resources/actions/refund", RefundAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static Task<IResult> RefundAsync(ResourcesDbContext db, AuditTrail audit, TimeProvider clock, [FromForm] Guid orderId, [FromForm] string? reason, CancellationToken ct) =>
        RunAsync("/resources/orders", "refunded", () => RefundOrder.HandleAsync(db, audit, clock, orderId, new RefundOrder.Request(reason), ct));

    private static Task<IResult> BuyAsync(ResourcesDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock,
        [FromForm] Guid resourceId, CancellationToken ct) =>
        RunAsync($"/resources/{resourceId}", "bought", () => BuyLicence.HandleAsync(db, directory, audit, clock, new BuyLicence.Request(resourceId, null), ct));

    private static Task<IResult> AllocateAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock,
        [FromForm] Guid schoolId, [FromForm] int? year, [FromForm] string? yuan, [FromForm] string? note, CancellationToken ct) =>
        RunAsync("/resources/budgets", "allocated", () => AllocateBudget.HandleAsync(db, directory, clock,
            new AllocateBudget.Request(schoolId, year, ParseYuan(yuan), note), ct));

    /// <summary>"1234.5" yuan as 123450 cents, parsed as a decimal string (never a float); -1 when malformed.</summary>
    public static long ParseYuan(string? text)
    {
        var t = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).TrimStart('¥');
        var parts = t.Split('.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 10 || !parts[0].All(char.IsAsciiDigit)
            || (parts.Length == 2 && (parts[1].Length is 0 or > 2 || !parts[1].All(char.IsAsciiDigit))))
        {
            return -1;
        }
        var cents = parts.Length == 2 ? int.Parse(parts[1].PadRight(2, '0'), System.Globalization.CultureInfo.InvariantCulture) : 0;
        return long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 100 + cents;
    }

}
