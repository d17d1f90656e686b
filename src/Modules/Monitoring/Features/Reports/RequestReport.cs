using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Features.Indicators;
using EduCloud.Monitoring.Indicators;
using EduCloud.Monitoring.Reports;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Reports;

/// <summary>
/// An administrator asks for the inspection report of a node they may read (default: their own region or school) and
/// a year: a job row is queued for the background worker. The same request while one is still waiting returns that one.
/// </summary>
internal static class RequestReport
{
    public sealed record Request(int? Year, string? Node, string? Indicator);

    public static async Task<ReportJobDto> HandleAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        ReportQueue queue, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        if (!actor.Scope.IsSystem && !actor.Roles.Any(r => r.IsAdministrator()))
        {
            throw new ForbiddenException("无权生成督导报告");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var year = request.Year ?? now.Year;
        if (year is < 2000 or > 2100)
        {
            throw ValidationFailedException.For("year", "报告年度应在2000至2100年之间");
        }
        var rollup = await board.CurrentAsync(db, ct);
        var indicator = string.IsNullOrWhiteSpace(request.Indicator) ? "bandwidthPerClass" : request.Indicator.Trim();
        if (rollup.IndexOf(indicator) < 0)
        {
            throw ValidationFailedException.For("indicator", "未知的监测指标");
        }
        var node = await DashboardNode.ResolveAsync(rollup, org, actor, audit, request.Node, ct);
        var waiting = await db.ReportJobs.Where(j => j.NodeKey == node.Code && j.Year == year && j.IndicatorKey == indicator
            && (j.Status == ReportStatus.Queued || j.Status == ReportStatus.Running)).FirstOrDefaultAsync(ct);
        if (waiting is not null)
        {
            return ReportJobDto.Of(waiting);
        }
        var key = node.Kind == IndicatorRollup.National ? new ScopeKey("", "-", "-", null, null) : node.Key;
        var job = new ReportJob
        {
            Year = year,
            NodeKind = node.Kind,
            NodeKey = node.Code,
            NodeName = await NameAsync(node, rollup, org, ct),
            IndicatorKey = indicator,
            Message = "等待生成",
            RequestedBy = actor.UserId,
            RequestedByName = actor.DisplayName ?? "",
            RequestedAt = now,
            ProvinceCode = key.ProvinceCode,
            CityCode = key.CityCode,
            CountyCode = key.CountyCode,
            SchoolId = key.SchoolId,
        };
        db.ReportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return ReportJobDto.Of(job);
    }

    private static async Task<string> NameAsync(FiveLevelNode node, IndicatorRollup rollup, IOrganizationDirectory org, CancellationToken ct)
    {
        if (node.Kind == IndicatorRollup.National)
        {
            return "全国";
        }
        if (node.SchoolId is { } id)
        {
            return rollup.Schools.GetValueOrDefault(id)?.Name ?? (await org.SchoolNamesAsync([id], ct)).GetValueOrDefault(id) ?? id.ToString();
        }
        return (await org.RegionNamesAsync([node.Code], ct)).GetValueOrDefault(node.Code) ?? RegionCode.LevelOf(node.Code).ToString();
    }

    public static async Task<Accepted<ReportJobDto>> EndpointAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        ReportQueue queue, TimeProvider clock, Request request, CancellationToken ct)
    {
        var job = await HandleAsync(db, board, org, audit, queue, clock, request, ct);
        return TypedResults.Accepted($"/api/v1/monitoring/reports/{job.Id}", job);
    }
}
