using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Features.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Resources.Features.Review;

/// <summary>
/// The review buttons of the pages: one small form per version and action posts here (antiforgery-checked, cookie
/// session), runs the same handler as the API, and goes back to the page with the outcome in the query string.
/// A plain endpoint rather than a Blazor form because a page lists many versions, each with its own buttons.
/// </summary>
internal static class PageActions
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/resources/actions/transition", TransitionAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> TransitionAsync(ResourcesDbContext db, SearchFeeder feeder, AuditTrail audit, TimeProvider clock,
        [FromForm] Guid versionId, [FromForm] string trigger, [FromForm] string? comment, [FromForm] string? returnUrl, CancellationToken ct)
    {
        var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/resources/mine";
        return await RunAsync(back, trigger, () => TakeTransition.HandleAsync(db, feeder, audit, clock, versionId, trigger, comment, ct));
    }
}
