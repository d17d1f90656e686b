using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;

namespace EduCloud.Monitoring.Features.Indicators;

/// <summary>
/// Which node of the five levels a dashboard request means, and whether the caller may read it. The indicator board
/// is a platform cache, so the scope check is done here with the kernel's DataScope: a county bureau reads its county
/// and its schools, never a neighbour's; a school administrator reads their school. Refusals are audited; an unknown
/// or unreadable school is answered 404 so its existence is not revealed.
/// </summary>
internal sealed record DashboardNode(string Kind, string Code, Guid? SchoolId, ScopeKey Key)
{
    public static DashboardNode National { get; } = new(IndicatorRollup.National, IndicatorRollup.National, null, default);

    public static async Task<DashboardNode> ResolveAsync(IndicatorRollup rollup, IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit,
        string? node, CancellationToken ct)
    {
        var resolved = string.IsNullOrWhiteSpace(node) ? await HomeAsync(rollup, org, actor, ct)
            : node == IndicatorRollup.National ? National
            : RegionCode.IsWellFormed(node) ? Region(node)
            : Guid.TryParse(node, out var id) ? await SchoolAsync(rollup, org, id, ct) ?? await DenyAsync(audit, node, school: true, ct)
            : throw ValidationFailedException.For("node", "节点应为行政区划代码（6位数字）、national 或学校标识");
        if (!CanRead(actor, resolved))
        {
            await DenyAsync(audit, node ?? "", resolved.SchoolId is not null, ct);
        }
        return resolved;
    }

    public static bool CanRead(ICurrentActor actor, DashboardNode node) =>
        node.Kind == IndicatorRollup.National ? actor.Scope.IsSystem || actor.Roles.Contains(Role.NationalAdmin) : actor.Scope.CanRead(node.Key);

    public static DashboardNode Region(string code) => new(RegionCode.LevelOf(code) switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    }, code, null, ScopeKey.OfRegion(code));

    /// <summary>From the nation down to this node (the caller keeps the ones they may read).</summary>
    public IEnumerable<DashboardNode> Path()
    {
        yield return National;
        var code = SchoolId is not null ? Key.CountyCode : Kind == IndicatorRollup.National ? "" : Code;
        if (code.Length == 6)
        {
            yield return Region(RegionCode.ProvinceOf(code));
            if (RegionCode.LevelOf(code) != RegionLevel.Province)
            {
                yield return Region(RegionCode.CityOf(code));
            }
            if (RegionCode.LevelOf(code) == RegionLevel.County)
            {
                yield return Region(code);
            }
        }
        if (SchoolId is not null)
        {
            yield return this;
        }
    }

    private static async Task<DashboardNode> HomeAsync(IndicatorRollup rollup, IOrganizationDirectory org, ICurrentActor actor, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (scope.IsSystem || actor.Roles.Contains(Role.NationalAdmin))
        {
            return National;
        }
        if (scope.Provinces.Concat(scope.Cities).Concat(scope.Counties).FirstOrDefault(RegionCode.IsWellFormed) is { } region)
        {
            return Region(region);
        }
        if (scope.Schools.Count > 0 && await SchoolAsync(rollup, org, scope.Schools[0], ct) is { } school)
        {
            return school;
        }
        throw new ForbiddenException("无权查看监测数据");
    }

    private static async Task<DashboardNode?> SchoolAsync(IndicatorRollup rollup, IOrganizationDirectory org, Guid id, CancellationToken ct)
    {
        if (rollup.Schools.GetValueOrDefault(id) is { } s)
        {
            return new DashboardNode("school", id.ToString(), id, new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, id, null));
        }
        return await org.FindSchoolAsync(id, ct) is { } info ? new DashboardNode("school", id.ToString(), id, info.Key) : null;
    }

    private static async Task<DashboardNode> DenyAsync(AuditTrail audit, string node, bool school, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Denied, "monitoring", node, AuditOutcome.Denied, "dashboard read outside scope", ct: ct);
        throw school ? new NotFoundException("未找到该学校") : new ForbiddenException("无权查看该地区的监测数据");
    }
}
