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
        var view = (await StatisticsView.ReadAsync([snapshot], org, actor, audit, node, ct))[0];
        var vector = view.Vector;

        var d = shape.Dimensions[dimension];
        var offset = shape.OffsetOf(dimension);
        var breakdown = Enumerable.Range(0, d.Size)
            .Select(i => new BreakdownRowDto(d.Labels[i], Figures(RollupSnapshot.At(vector, offset + i))))
            .Where(r => d.ShowZeros || r.Figures != new StudentFiguresDto(0, 0, 0, 0))
            .ToList();
        var children = view.Children.Select(c => new ChildFiguresDto(c.Kind, c.Key, c.Name, Figures(RollupSnapshot.At(c.Vector, 0)))).ToList();
        return new StudentStatisticsDto(view.Node, view.Breadcrumbs, Figures(RollupSnapshot.At(vector, 0)),
            d.Key, d.Title, breakdown, children, snapshot.Version);
    }

    public static async Task<Ok<StudentStatisticsDto>> EndpointAsync(RollupCube<StudentPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(cube, org, actor, audit, node, by, ct));

    private static StudentFiguresDto Figures(Measures m) => new(m.A, m.B, m.C, m.D);
}
