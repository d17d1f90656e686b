using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Features.Review;
using EduCloud.Lessons.Features.Rounds;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Lessons.Features;

/// <summary>
/// The buttons of the review and rounds pages: one small form per entry or round posts here (antiforgery-checked, cookie
/// session), runs the same handler as the API and returns to the page with the outcome in the query string. A plain
/// endpoint rather than a Blazor form because a page lists many entries, each with its own forms.
/// </summary>
internal static class PageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/lessons/actions").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/decide", (LessonsDbContext db, IOrganizationDirectory directory, TimeProvider clock, [FromForm] Guid entryId, [FromForm] string trigger, CancellationToken ct) =>
            RunAsync("/lessons/review", trigger, () => DecideEntry.HandleAsync(db, directory, clock, entryId, trigger, ct)));
        group.MapPost("/score", (LessonsDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var form = request.Form;
            var points = form.Keys.Where(k => k.StartsWith("p:", StringComparison.Ordinal))
                .ToDictionary(k => k[2..], k => int.TryParse(form[k], out var v) ? v : -1);
            var entryId = Guid.TryParse(form["entryId"], out var id) ? id : Guid.Empty;
            return RunAsync("/lessons/review", "Score", () => ScoreEntry.HandleAsync(db, clock, entryId, new ScoreEntry.Request(points, form["comment"]), ct));
        });
        group.MapPost("/phase", (LessonsDbContext db, TimeProvider clock, [FromForm] Guid roundId, [FromForm] string phase, CancellationToken ct) =>
            RunAsync("/lessons/rounds", "Phase", () => AdvancePhase.HandleAsync(db, clock, roundId, phase, ct)));
        group.MapPost("/quota", (LessonsDbContext db, IOrganizationDirectory directory, [FromForm] Guid roundId, [FromForm] string regionCode, [FromForm] int maxRecommendations,
            CancellationToken ct) => RunAsync("/lessons/rounds", "Quota", () => SetQuota.HandleAsync(db, directory, roundId, regionCode, maxRecommendations, ct)));
    }

}
