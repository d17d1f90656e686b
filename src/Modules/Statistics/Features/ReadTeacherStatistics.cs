using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Statistics.Features;

public sealed record TeacherRowDto(string Label, int Teachers);

public sealed record TeacherChildDto(string Kind, string Key, string Name, int Teachers);

public sealed record TeacherStatisticsDto(StatsNodeDto Node, IReadOnlyList<StatsNodeDto> Breadcrumbs, int Teachers,
    string By, string ByTitle, IReadOnlyList<TeacherRowDto> Breakdown, IReadOnlyList<TeacherChildDto> Children, long Version);

/// <summary>
/// Teacher statistics of one node: 在岗 teachers in total, by main subject, 教师资格, 学历, 职称 or sex, and per child
/// for drill-down. Each teacher counts once (under the main subject), so every breakdown adds up to the total.
/// Same nodes and scope rules as the student statistics (<see cref="StatisticsView"/>).
/// </summary>
internal static class ReadTeacherStatistics
{
    public static async Task<TeacherStatisticsDto> HandleAsync(RollupCube<TeacherPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct)
    {
        var shape = cube.Shape;
        var dimension = shape.IndexOf(string.IsNullOrEmpty(by) ? "subject" : by);
        if (dimension < 0)
        {
            throw ValidationFailedException.For("by", "分组方式应为 " + string.Join("、", shape.Dimensions.Select(d => d.Key)));
        }
        var snapshot = await cube.CurrentAsync(ct);
        var view = (await StatisticsView.ReadAsync([snapshot], org, actor, audit, node, ct))[0];

        var d = shape.Dimensions[dimension];
        var offset = shape.OffsetOf(dimension);
        var breakdown = Enumerable.Range(0, d.Size)
            .Select(i => new TeacherRowDto(d.Labels[i], RollupSnapshot.At(view.Vector, offset + i).A))
            .Where(r => d.ShowZeros || r.Teachers != 0)
            .ToList();
        var children = view.Children.Select(c => new TeacherChildDto(c.Kind, c.Key, c.Name, RollupSnapshot.At(c.Vector, 0).A)).ToList();
        return new TeacherStatisticsDto(view.Node, view.Breadcrumbs, RollupSnapshot.At(view.Vector, 0).A, d.Key, d.Title, breakdown, children, snapshot.Version);
    }

    public static async Task<Ok<TeacherStatisticsDto>> EndpointAsync(RollupCube<TeacherPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(cube, org, actor, audit, node, by, ct));
}
