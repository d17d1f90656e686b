using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;

namespace EduCloud.Monitoring.Features.Indicators;

/// <summary>
/// Which node of the five levels a dashboard, trend, map or report request means, checked against the caller's scope
/// (<see cref="FiveLevelNode"/>). The indicator board knows every school with a return; a school without one is asked of
/// the organisation directory, so its administrator still gets an (empty) dashboard rather than a 404.
/// </summary>
internal static class DashboardNode
{
    private static readonly FiveLevelNode.Wording Wording = new("monitoring", "监测", "节点应为行政区划代码（6位数字）、national 或学校标识");

    public static Task<FiveLevelNode> ResolveAsync(IndicatorRollup rollup, IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit,
        string? node, CancellationToken ct) =>
        FiveLevelNode.ResolveAsync(actor, audit, node, Wording, async (id, token) =>
            rollup.Schools.GetValueOrDefault(id) is { } s ? new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, id, null)
            : (await org.FindSchoolAsync(id, token))?.Key, ct);
}
