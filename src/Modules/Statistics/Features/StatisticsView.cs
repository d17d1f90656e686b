using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;

namespace EduCloud.Statistics.Features;

/// <summary>
/// What every statistics table shows of a node, whatever the population: the node's vector, its children (next level
/// down, regions by code then schools by name) with theirs, the breadcrumbs the caller may follow, and the names.
/// Students, teachers and the pupil/teacher ratios all come through here, so they agree on nodes, names and scope.
/// </summary>
internal static class StatisticsView
{
    internal sealed record Child(string Kind, string Key, string Name, int[] Vector);

    internal sealed record View(StatsNodeDto Node, IReadOnlyList<StatsNodeDto> Breadcrumbs, int[] Vector, IReadOnlyList<Child> Children);

    /// <summary>Resolves the node against the first snapshot (scope checked and audited there) and reads it in each snapshot.</summary>
    public static async Task<View[]> ReadAsync(IReadOnlyList<RollupSnapshot> snapshots, IOrganizationDirectory org, ICurrentActor actor,
        Kernel.Audit.AuditTrail audit, string? node, CancellationToken ct)
    {
        var resolved = await StatisticsNode.ResolveAsync(snapshots[0], org, actor, audit, node, ct);
        var parts = snapshots.Select(s => Figures(s, resolved)).ToList();
        var childRegions = parts.SelectMany(p => p.Regions).Distinct().Order(StringComparer.Ordinal).ToList();
        var childSchools = parts.SelectMany(p => p.Schools).Distinct().ToList();

        // The breadcrumbs come from whichever snapshot knows the school (a school with teachers but no students yet).
        var known = resolved.SchoolId is { } schoolId ? snapshots.Select(s => s.Schools.GetValueOrDefault(schoolId)).FirstOrDefault(s => s is not null) : null;
        var path = resolved.Path(known?.ParentCode).Where(p => p.CanBeReadBy(actor)).ToList();
        var regionNames = await org.RegionNamesAsync([.. path.Where(p => p.Code.Length == 6).Select(p => p.Code), .. childRegions], ct);
        var schoolNames = await org.SchoolNamesAsync([.. path.Where(p => p.SchoolId is not null).Select(p => p.SchoolId!.Value), .. childSchools], ct);
        if (resolved.Code.Length == 6 && !regionNames.ContainsKey(resolved.Code))
        {
            throw new NotFoundException("未找到该行政区划");
        }
        StatsNodeDto Named(FiveLevelNode n) => new(n.Kind, n.SchoolId?.ToString() ?? n.Code,
            n.SchoolId is { } s ? schoolNames.GetValueOrDefault(s, "学校") : n.Code.Length == 6 ? regionNames.GetValueOrDefault(n.Code, n.Code) : "全国");

        var breadcrumbs = path.Select(Named).ToList();
        return snapshots.Select((snapshot, i) => new View(Named(resolved), breadcrumbs, parts[i].Vector,
                childRegions.Select(c => new Child(FiveLevelNode.Region(c).Kind, c, regionNames.GetValueOrDefault(c, c), RegionVector(snapshot, c)))
                    .Concat(childSchools
                        .Select(id => new Child("school", id.ToString(), schoolNames.GetValueOrDefault(id, "学校"), SchoolVector(snapshot, id)))
                        .OrderBy(c => c.Name, StringComparer.Ordinal))
                    .ToList()))
            .ToArray();
    }

    private static (int[] Vector, IEnumerable<string> Regions, IEnumerable<Guid> Schools) Figures(RollupSnapshot snapshot, FiveLevelNode resolved)
    {
        if (resolved.SchoolId is { } schoolId)
        {
            return (SchoolVector(snapshot, schoolId), [], []);
        }
        return snapshot.Regions.GetValueOrDefault(StatisticsNode.SnapshotCode(resolved)) is { } region
            ? (region.Vector, region.ChildRegions, region.ChildSchools)
            : (new int[snapshot.Shape.VectorLength], [], []);
    }

    private static int[] RegionVector(RollupSnapshot snapshot, string code) =>
        snapshot.Regions.GetValueOrDefault(code)?.Vector ?? new int[snapshot.Shape.VectorLength];

    private static int[] SchoolVector(RollupSnapshot snapshot, Guid id) =>
        snapshot.Schools.GetValueOrDefault(id) is { } school ? snapshot.VectorOf(school) : new int[snapshot.Shape.VectorLength];
}
