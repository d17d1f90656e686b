using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Features.Entries;
using EduCloud.Lessons.Features.Review;
using EduCloud.Lessons.Features.Rounds;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Contracts;
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
        group.MapPost("/edit-entry", (LessonsDbContext db, IResourceLookup resources, HttpRequest request, CancellationToken ct) =>
        {
            var form = request.Form;
            Guid? Id(string key) => Guid.TryParse(form[key], out var id) ? id : null;
            return RunAsync("/lessons", "Edit", () => EditEntry.HandleAsync(db, resources, Id("entryId") ?? Guid.Empty,
                new EditEntry.Request(form["title"], form["description"], Id("design") ?? Guid.Empty, Id("courseware"), Id("recording"), Id("exercise")), ct));
        });
        group.MapPost("/withdraw-entry", (LessonsDbContext db, [FromForm] Guid entryId, CancellationToken ct) =>
            RunAsync("/lessons", "Withdraw", async () =>
            {
                await WithdrawEntry.HandleAsync(db, entryId, ct);
                return true;
            }));
        group.MapPost("/rubric", (LessonsDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            // One row per criterion (name + max points); rows left blank are not criteria.
            var form = request.Form;
            var names = form["name"];
            var maxima = form["max"];
            var criteria = Enumerable.Range(0, Math.Min(names.Count, maxima.Count))
                .Where(i => !string.IsNullOrWhiteSpace(names[i]) || !string.IsNullOrWhiteSpace(maxima[i]))
                .Select(i => new CreateRound.CriterionInput(names[i] ?? "", int.TryParse(maxima[i], out var max) ? max : 0)).ToList();
            var roundId = Guid.TryParse(form["roundId"], out var id) ? id : Guid.Empty;
            return RunAsync("/lessons/rounds", "Rubric", () => EditRubric.HandleAsync(db, clock, roundId, new EditRubric.Request(criteria), ct));
        });
        group.MapPost("/phase", (LessonsDbContext db, TimeProvider clock, [FromForm] Guid roundId, [FromForm] string phase, CancellationToken ct) =>
            RunAsync("/lessons/rounds", "Phase", () => AdvancePhase.HandleAsync(db, clock, roundId, phase, ct)));
        group.MapPost("/quota", (LessonsDbContext db, IOrganizationDirectory directory, [FromForm] Guid roundId, [FromForm] string regionCode, [FromForm] int maxRecommendations,
            CancellationToken ct) => RunAsync("/lessons/rounds", "Quota", () => SetQuota.HandleAsync(db, directory, roundId, regionCode, maxRecommendations, ct)));
    }

}
