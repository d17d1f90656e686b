using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Indicators;
using EduCloud.Monitoring.Reports;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Monitoring.Features.Reports;

/// <summary>The reports page's form posts here (antiforgery-checked, cookie session) and goes back to the page with the outcome.</summary>
internal static class ReportPageActions
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/monitoring/actions/report", RequestAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> RequestAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        ReportQueue queue, TimeProvider clock, IFormCollection form, CancellationToken ct)
    {
        var year = int.TryParse(form["year"], out var y) ? y : (int?)null;
        var node = form["node"].ToString();
        return await RedirectAsync("/monitoring/reports", async () =>
        {
            var job = await RequestReport.HandleAsync(db, board, org, audit, queue, clock,
                new RequestReport.Request(year, node.Length == 0 ? null : node, form["indicator"]), ct);
            return "/monitoring/reports?requested=" + job.Id;
        });
    }
}
