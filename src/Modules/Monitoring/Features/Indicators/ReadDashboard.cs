using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Monitoring.Features.Indicators;

public sealed record IndicatorTargetDto(string Category, int FromYear, double Min);

public sealed record IndicatorDto(string Key, string Name, string Definition, string Formula, string? AppliesWhen, string Unit, string Display,
    string Source, string Reference, IReadOnlyList<IndicatorTargetDto> Targets);

/// <summary>Over the schools below a node: with an approved return, with a value, with a target, meeting it; the share meeting it and the average value.</summary>
public sealed record FigureDto(int Schools, int WithValue, int WithTarget, int Met, double? ShareMet, double? Average);

public sealed record DashboardNodeDto(string Kind, string Key, string Name);

public sealed record ChildFigureDto(string Kind, string Key, string Name, FigureDto Figure);

public sealed record SchoolValueDto(Guid SchoolId, string Name, string Category, int Year, double? Value, double? Target, bool? Met);

public sealed record SchoolIndicatorDto(string Key, string Name, string Unit, string Display, double? Value, double? Target, bool? Met);

/// <summary>
/// One indicator at one node: the node's figure, a row per sub-region (or per school below a county), and at a school
/// every indicator's value against its target. <see cref="Children"/> drive the map and the drill-down table.
/// </summary>
public sealed record DashboardDto(IndicatorDto Indicator, IReadOnlyList<IndicatorDto> Catalogue, DashboardNodeDto Node, IReadOnlyList<DashboardNodeDto> Breadcrumbs,
    FigureDto Summary, IReadOnlyList<ChildFigureDto> Children, IReadOnlyList<SchoolValueDto> Schools, IReadOnlyList<SchoolIndicatorDto> SchoolDetail, double LastRecomputeMs);

/// <summary>The dashboard's one read: answered from the in-memory board after the scope check, no query per view.</summary>
internal static class ReadDashboard
{
    public static async Task<DashboardDto> HandleAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        string? indicatorKey, string? node, CancellationToken ct)
    {
        var actor = db.Actor;
        if (!actor.Scope.IsSystem && !actor.Roles.Any(r => r.IsAdministrator()))
        {
            throw new ForbiddenException("无权查看监测数据");
        }
        var rollup = await board.CurrentAsync(db, ct);
        if (rollup.Indicators.Count == 0)
        {
            throw new NotFoundException("指标目录为空");
        }
        // Bandwidth per class is the headline target of 三通两平台; it is what a bureau looks at first.
        var index = string.IsNullOrWhiteSpace(indicatorKey) ? Math.Max(0, rollup.IndexOf("bandwidthPerClass")) : rollup.IndexOf(indicatorKey);
        if (index < 0)
        {
            throw ValidationFailedException.For("indicator", "未知的监测指标");
        }
        var at = await DashboardNode.ResolveAsync(rollup, org, actor, audit, node, ct);
        var childRegions = at.SchoolId is null && at.Kind != "county" ? rollup.ChildRegions.GetValueOrDefault(at.Code, []) : [];
        var path = at.Path().Where(p => p.CanBeReadBy(actor)).ToList();
        var names = await org.RegionNamesAsync(childRegions.Concat(path.Where(p => p.SchoolId is null).Select(p => p.Code)).ToList(), ct);
        var schoolName = at.SchoolId is { } id2 ? rollup.Schools.GetValueOrDefault(id2)?.Name ?? (await org.SchoolNamesAsync([id2], ct)).GetValueOrDefault(id2) ?? "" : "";
        return Compose(rollup, index, at, path, names, schoolName, board.LastRecompute.TotalMilliseconds);
    }

    /// <summary>The answer from the board once the node is resolved and named: no I/O (the bench measures this under load).</summary>
    public static DashboardDto Compose(IndicatorRollup rollup, int index, FiveLevelNode at, IReadOnlyList<FiveLevelNode> path,
        IReadOnlyDictionary<string, string> names, string schoolName, double lastRecomputeMs)
    {
        var childRegions = at.SchoolId is null && at.Kind != "county" ? rollup.ChildRegions.GetValueOrDefault(at.Code, []) : [];
        var schoolIds = at.Kind == "county" ? rollup.SchoolsOfCounty.GetValueOrDefault(at.Code, []) : [];
        var schools = schoolIds.Select(id => rollup.Schools[id]).OrderBy(s => s.Met(index) ?? true).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SchoolValueDto(s.SchoolId, s.Name, s.Category, s.Year, s.Values[index], s.Targets[index], s.Met(index))).ToList();
        var detail = at.SchoolId is { } sid && rollup.Schools.GetValueOrDefault(sid) is { } school
            ? rollup.Indicators.Select((c, i) => new SchoolIndicatorDto(c.Row.Key, c.Row.Name, c.Row.Unit, c.Row.Display, school.Values[i], school.Targets[i], school.Met(i))).ToList()
            : [];
        string Name(FiveLevelNode n) => n.Kind == IndicatorRollup.National ? "全国" : n.SchoolId is not null ? schoolName : names.GetValueOrDefault(n.Code, n.Code);
        var summary = at.SchoolId is { } one
            ? Figure(rollup.Schools.GetValueOrDefault(one) is { } s1 ? Single(s1, index, rollup.Indicators.Count) : null, index)
            : Figure(rollup.Nodes.GetValueOrDefault(at.Code), index);
        return new DashboardDto(Describe(rollup.Indicators[index]), rollup.Indicators.Select(Describe).ToList(), new DashboardNodeDto(at.Kind, at.Code, Name(at)),
            path.Select(p => new DashboardNodeDto(p.Kind, p.Code, Name(p))).ToList(), summary,
            childRegions.Select(c => new ChildFigureDto(FiveLevelNode.Region(c).Kind, c, names.GetValueOrDefault(c, c), Figure(rollup.Nodes.GetValueOrDefault(c), index)))
                .OrderBy(c => c.Figure.ShareMet ?? 2).ToList(),
            schools, detail, lastRecomputeMs);
    }

    private static NodeFigures Single(SchoolFigures school, int index, int count)
    {
        var node = new NodeFigures(count);
        node.Add(school);
        return node;
    }

    private static FigureDto Figure(NodeFigures? node, int i) => node is null
        ? new FigureDto(0, 0, 0, 0, null, null)
        : new FigureDto(node.Schools, node.WithValue[i], node.WithTarget[i], node.Met[i], node.ShareMet(i), node.Average(i));

    public static IndicatorDto Describe(CompiledIndicator c) => new(c.Row.Key, c.Row.Name, c.Row.Definition, c.Row.Formula, c.Row.AppliesWhen, c.Row.Unit,
        c.Row.Display, c.Row.Source, c.Row.Reference, c.Targets.Select(t => new IndicatorTargetDto(t.Category, t.FromYear, t.Min)).ToList());

    public static async Task<Ok<DashboardDto>> EndpointAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        string? indicator, string? node, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, board, org, audit, indicator, node, ct));

    public static async Task<Ok<IReadOnlyList<IndicatorDto>>> CatalogueEndpointAsync(MonitoringDbContext db, IndicatorBoard board, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<IndicatorDto>>((await board.CurrentAsync(db, ct)).Indicators.Select(Describe).ToList());
}
