using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>The alert pages' forms (antiforgery-checked, cookie session): the same handlers as the API, then back to the page.</summary>
internal static class AlertPageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monitoring/alerts/actions").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/step", StepAsync);
        group.MapPost("/evaluate", EvaluateAsync);
    }

    private static async Task<IResult> StepAsync(MonitoringDbContext db, AuditTrail audit, TimeProvider clock, IFormCollection form, CancellationToken ct)
    {
        var id = Guid.TryParse(form["id"], out var g) ? g : Guid.Empty;
        var trigger = form["trigger"].ToString();
        return await RunAsync($"/monitoring/alerts/{id}", trigger, () => TakeAlertStep.HandleAsync(db, audit, clock, id, trigger, form["note"], ct));
    }

    private static async Task<IResult> EvaluateAsync(ICurrentActor actor, ScheduledMonitoringRun run, CancellationToken ct)
    {
        if (!actor.Roles.Any(r => r is Role.NationalAdmin or Role.ProvinceAdmin or Role.CityAdmin or Role.CountyAdmin))
        {
            return Results.LocalRedirect(WithQuery("/monitoring/alerts", "error", "无权重新评估"));
        }
        var result = await run.RunAsync(ct);
        return Results.LocalRedirect($"/monitoring/alerts?raised={result.Raised}&resolved={result.Resolved}");
    }
}
