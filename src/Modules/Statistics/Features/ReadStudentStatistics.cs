using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Statistics.Features;

/// <summary>学生数, 留守儿童, 随迁子女, 残疾学生 of one node, row or child; all exact counts of 在籍 students.</summary>
public sealed record StudentFiguresDto(int Students, int LeftBehind, int Migrant, int Disabled);

public sealed record BreakdownRowDto(string Label, StudentFiguresDto Figures);

public sealed record ChildFiguresDto(string Kind, string Key, string Name, StudentFiguresDto Figures);

public sealed record StudentStatisticsDto(StatsNodeDto Node, IReadOnlyList<StatsNodeDto> Breadcrumbs, StudentFiguresDto Totals,
    string By, string ByTitle, IReadOnlyList<BreakdownRowDto> Breakdown, IReadOnlyList<ChildFiguresDto> Children, long Version);

/// <summary>
/// Student statistics of one node of the five levels: its totals, a breakdown by stage, grade, sex, ethnicity,
/// urban/rural or status, and its children (the next level down) with their totals, for drill-down. Served from the
/// in-memory rollup; the page, the API and the .xlsx export all come through here.
/// </summary>
internal static class ReadStudentStatistics
{
    public static async Task<StudentStatisticsDto> HandleAsync(RollupCube<StudentPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct)
    {
        var shape = cube.Shape;
        var dimension = shape.IndexOf(string.IsNullOrEmpty(by) ? "stage" : by);
        if (dimension < 0)
        {
            throw ValidationFailedException.For("by", "分组方式应为 " + string.Join("、", shape.Dimensions.Select(d => d.Key)));
        }
        var snapshot = await cube.CurrentAsync(ct);
        var resolved = await StatisticsNode.ResolveAsync(snapshot, org, actor, audit, node, ct);

        int[] vector;
        var childRegions = new List<string>();
        var childSchools = new List<Guid>();
        if (resolved.SchoolId is { } schoolId)
        {
            vector = snapshot.Schools.GetValueOrDefault(schoolId) is { } school ? snapshot.VectorOf(school) : new int[shape.VectorLength];
        }
        else if (snapshot.Regions.GetValueOrDefault(resolved.Code) is { } region)
        {
            vector = region.Vector;
            childRegions.AddRange(region.ChildRegions.Order(StringComparer.Ordinal));
            childSchools.AddRange(region.ChildSchools);
        }
        else
        {
            vector = new int[shape.VectorLength];
        }

        var path = StatisticsNode.Path(resolved, snapshot).Where(p => StatisticsNode.CanRead(actor, p)).ToList();
        var regionNames = await org.RegionNamesAsync([.. path.Where(p => p.Code.Length == 6).Select(p => p.Code), .. childRegions], ct);
        var schoolNames = await org.SchoolNamesAsync([.. path.Where(p => p.SchoolId is not null).Select(p => p.SchoolId!.Value), .. childSchools], ct);
        if (resolved.Code.Length == 6 && !regionNames.ContainsKey(resolved.Code))
        {
            throw new NotFoundException("未找到该行政区划");
        }
        StatsNodeDto Named(StatisticsNode.Resolved n) => new(n.Kind, n.SchoolId?.ToString() ?? (n.Kind == StatisticsNode.National ? StatisticsNode.National : n.Code),
            n.SchoolId is { } s ? schoolNames.GetValueOrDefault(s, "学校") : n.Code.Length == 6 ? regionNames.GetValueOrDefault(n.Code, n.Code) : "全国");

        var d = shape.Dimensions[dimension];
        var offset = shape.OffsetOf(dimension);
        var breakdown = Enumerable.Range(0, d.Size)
            .Select(i => new BreakdownRowDto(d.Labels[i], Figures(RollupSnapshot.At(vector, offset + i))))
            .Where(r => d.ShowZeros || r.Figures != new StudentFiguresDto(0, 0, 0, 0))
            .ToList();
        var children = childRegions
            .Select(c => new ChildFiguresDto(StatisticsNode.Region(c).Kind, c, regionNames.GetValueOrDefault(c, c), Figures(RollupSnapshot.At(snapshot.Regions[c].Vector, 0))))
            .Concat(childSchools
                .Select(id => new ChildFiguresDto("school", id.ToString(), schoolNames.GetValueOrDefault(id, "学校"),
                    Figures(RollupSnapshot.At(snapshot.VectorOf(snapshot.Schools[id]), 0))))
                .OrderBy(c => c.Name, StringComparer.Ordinal))
            .ToList();
        return new StudentStatisticsDto(Named(resolved), path.Select(Named).ToList(), Figures(RollupSnapshot.At(vector, 0)),
            d.Key, d.Title, breakdown, children, snapshot.Version);
    }

    public static async Task<Ok<StudentStatisticsDto>> EndpointAsync(RollupCube<StudentPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(cube, org, actor, audit, node, by, ct));

    private static StudentFiguresDto Figures(Measures m) => new(m.A, m.B, m.C, m.D);
}
