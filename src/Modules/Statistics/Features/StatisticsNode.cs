using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;

namespace EduCloud.Statistics.Features;

/// <summary>A node of the five levels: the nation, a province, city or county (by GB/T 2260 code), or a school.</summary>
public sealed record StatsNodeDto(string Kind, string Key, string Name);

/// <summary>
/// Which node a statistics request means, checked against the caller's scope (<see cref="FiveLevelNode"/>). A school the
/// snapshot does not know yet (no students) is asked of the organisation directory.
/// </summary>
internal static class StatisticsNode
{
    private static readonly FiveLevelNode.Wording Wording = new("statistics", "统计", "统计节点应为行政区划代码（6位数字）或学校标识");

    public static Task<FiveLevelNode> ResolveAsync(RollupSnapshot snapshot, IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit,
        string? node, CancellationToken ct) =>
        FiveLevelNode.ResolveAsync(actor, audit, node, Wording, async (id, token) =>
            snapshot.Schools.GetValueOrDefault(id) is { } s ? new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, id, null)
            : (await org.FindSchoolAsync(id, token))?.Key, ct);

    /// <summary>The key of a region in the snapshot: the nation is the empty code there.</summary>
    public static string SnapshotCode(FiveLevelNode node) => node.IsNational ? "" : node.Code;
}
