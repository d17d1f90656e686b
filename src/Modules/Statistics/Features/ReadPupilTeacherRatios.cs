using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Statistics.Features;

/// <summary>在籍 students, 在岗 teachers and 生师比 (students per teacher, rounded to 2 places; null without teachers).</summary>
public sealed record RatioFiguresDto(int Students, int Teachers, decimal? Ratio)
{
    public static RatioFiguresDto Of(int students, int teachers) =>
        new(students, teachers, teachers == 0 ? null : Math.Round((decimal)students / teachers, 2, MidpointRounding.AwayFromZero));
}

public sealed record RatioChildDto(string Kind, string Key, string Name, RatioFiguresDto Figures);

public sealed record RatioStatisticsDto(StatsNodeDto Node, IReadOnlyList<StatsNodeDto> Breadcrumbs, RatioFiguresDto Totals, IReadOnlyList<RatioChildDto> Children);

/// <summary>
/// 生师比 of a node and of each child: the student rollup's 在籍 total over the teacher rollup's 在岗 total, both read
/// for the same node (region code or school id), so a child with teachers but no students still shows.
/// </summary>
internal static class ReadPupilTeacherRatios
{
    public static async Task<RatioStatisticsDto> HandleAsync(RollupCube<StudentPopulation> students, RollupCube<TeacherPopulation> teachers,
        IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit, string? node, CancellationToken ct)
    {
        var views = await StatisticsView.ReadAsync([await students.CurrentAsync(ct), await teachers.CurrentAsync(ct)], org, actor, audit, node, ct);
        var (s, t) = (views[0], views[1]);
        var children = s.Children.Zip(t.Children, (sc, tc) =>
            new RatioChildDto(sc.Kind, sc.Key, sc.Name, RatioFiguresDto.Of(RollupSnapshot.At(sc.Vector, 0).A, RollupSnapshot.At(tc.Vector, 0).A))).ToList();
        return new RatioStatisticsDto(s.Node, s.Breadcrumbs, RatioFiguresDto.Of(RollupSnapshot.At(s.Vector, 0).A, RollupSnapshot.At(t.Vector, 0).A), children);
    }

    public static async Task<Ok<RatioStatisticsDto>> EndpointAsync(RollupCube<StudentPopulation> students, RollupCube<TeacherPopulation> teachers,
        IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit, string? node, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(students, teachers, org, actor, audit, node, ct));
}
