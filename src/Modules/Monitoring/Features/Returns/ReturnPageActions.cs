using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Indicators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Monitoring.Features.Returns;

/// <summary>
/// The return pages' forms post here (antiforgery-checked, cookie session), run the same handlers as the API and go
/// back to the page with the outcome in the query string. Plain endpoints because the form's fields come from data.
/// </summary>
internal static class ReturnPageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monitoring/actions").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/start", StartAsync);
        group.MapPost("/save", SaveAsync);
        group.MapPost("/step", StepAsync);
    }

    private static async Task<IResult> StartAsync(MonitoringDbContext db, PrefillReturn prefill, TimeProvider clock, IFormCollection form, CancellationToken ct) =>
        await RedirectAsync("/monitoring/returns", async () =>
        {
            var year = int.TryParse(form["year"], out var y) ? y : (int?)null;
            return "/monitoring/returns/" + await StartReturn.HandleAsync(db, prefill, clock, new StartReturn.Request(null, year), ct) + "?done=Start";
        });

    private static async Task<IResult> SaveAsync(MonitoringDbContext db, TimeProvider clock, IFormCollection form, CancellationToken ct)
    {
        var id = Guid.TryParse(form["id"], out var g) ? g : Guid.Empty;
        return await RedirectAsync($"/monitoring/returns/{id}", async () =>
        {
            var values = form.Keys.Where(k => k.StartsWith("v.", StringComparison.Ordinal)).ToDictionary(k => k[2..], k => (string?)form[k].ToString());
            var notes = form.Keys.Where(k => k.StartsWith("n.", StringComparison.Ordinal)).ToDictionary(k => k[2..], k => (string?)form[k].ToString());
            return $"/monitoring/returns/{await SaveReturn.HandleAsync(db, clock, id, values, notes, ct)}?done=Save";
        });
    }

    private static async Task<IResult> StepAsync(MonitoringDbContext db, IndicatorBoard board, Alerts.AfterReturnChanged after, AuditTrail audit, TimeProvider clock, IFormCollection form, CancellationToken ct)
    {
        var id = Guid.TryParse(form["id"], out var g) ? g : Guid.Empty;
        var trigger = form["trigger"].ToString();
        return await RedirectAsync($"/monitoring/returns/{id}", async () =>
        {
            await TakeReturnStep.HandleAsync(db, board, after, audit, clock, id, trigger, form["comment"], ct);
            return $"/monitoring/returns/{id}?done={Uri.EscapeDataString(trigger)}";
        });
    }

}
