using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;

namespace EduCloud.Statistics.Features;

/// <summary>A node of the five levels: the nation, a province, city or county (by GB/T 2260 code), or a school.</summary>
public sealed record StatsNodeDto(string Kind, string Key, string Name);

/// <summary>
/// Which node a request means and whether the caller may read it. The rollup is a platform cache, not a scoped
/// query, so the scope check is done here, once, with the kernel's <see cref="DataScope"/>: a county bureau reads
/// its county and its schools, never a neighbour's or its province's totals. A refusal is audited; an unknown or
/// unreadable school is answered 404 so its existence is not revealed.
/// </summary>
internal static class StatisticsNode
{
    public const string National = "national";

    internal sealed record Resolved(string Kind, string Code, Guid? SchoolId, ScopeKey Key);

    public static async Task<Resolved> ResolveAsync(RollupSnapshot snapshot, IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit,
        string? node, CancellationToken ct)
    {
        var resolved = string.IsNullOrWhiteSpace(node) ? await HomeAsync(snapshot, org, actor, ct)
            : node == National ? new Resolved(National, "", null, default)
            : RegionCode.IsWellFormed(node) ? Region(node)
            : Guid.TryParse(node, out var id) ? await SchoolAsync(snapshot, org, id, ct) ?? await DenyAsync(audit, node, school: true, ct)
            : throw ValidationFailedException.For("node", "统计节点应为行政区划代码（6位数字）或学校标识");
        if (!CanRead(actor, resolved))
        {
            await DenyAsync(audit, node ?? "", resolved.SchoolId is not null, ct);
        }
        return resolved;
    }

    public static bool CanRead(ICurrentActor actor, Resolved node) =>
        node.Kind == National ? actor.Scope.IsSystem || actor.Roles.Contains(Role.NationalAdmin) : actor.Scope.CanRead(node.Key);

    public static Resolved Region(string code) => new(RegionCode.LevelOf(code) switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    }, code, null, ScopeKey.OfRegion(code));

    /// <summary>The path from the nation down to the node, for breadcrumbs (the caller keeps only what they may read).</summary>
    public static IEnumerable<Resolved> Path(Resolved node, RollupSnapshot snapshot)
    {
        yield return new Resolved(National, "", null, default);
        var code = node.SchoolId is { } id && snapshot.Schools.GetValueOrDefault(id) is { } school ? school.ParentCode
            : node.SchoolId is not null ? node.Key.CountyCode
            : node.Code;
        if (code.Length != 6)
        {
            yield break;
        }
        yield return Region(RegionCode.ProvinceOf(code));
        if (RegionCode.LevelOf(code) != RegionLevel.Province && RegionCode.CityOf(code) != RegionCode.ProvinceOf(code))
        {
            yield return Region(RegionCode.CityOf(code));
        }
        if (RegionCode.LevelOf(code) == RegionLevel.County)
        {
            yield return Region(code);
        }
        if (node.SchoolId is not null)
        {
            yield return node;
        }
    }

    /// <summary>Where a caller lands without choosing: the nation for a national administrator, else their own region or school.</summary>
    private static async Task<Resolved> HomeAsync(RollupSnapshot snapshot, IOrganizationDirectory org, ICurrentActor actor, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (scope.IsSystem || actor.Roles.Contains(Role.NationalAdmin))
        {
            return new Resolved(National, "", null, default);
        }
        if (scope.Provinces.Concat(scope.Cities).Concat(scope.Counties).FirstOrDefault(RegionCode.IsWellFormed) is { } region)
        {
            return Region(region);
        }
        if (scope.Schools.Count > 0 && await SchoolAsync(snapshot, org, scope.Schools[0], ct) is { } school)
        {
            return school;
        }
        throw new ForbiddenException("无权查看统计数据");
    }

    private static async Task<Resolved?> SchoolAsync(RollupSnapshot snapshot, IOrganizationDirectory org, Guid id, CancellationToken ct)
    {
        if (snapshot.Schools.GetValueOrDefault(id) is { } s)
        {
            return new Resolved("school", id.ToString(), id, new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, id, null));
        }
        return await org.FindSchoolAsync(id, ct) is { } info ? new Resolved("school", id.ToString(), id, info.Key) : null;
    }

    private static async Task<Resolved> DenyAsync(AuditTrail audit, string node, bool school, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Denied, "statistics", node, AuditOutcome.Denied, "stats read outside scope", ct: ct);
        throw school ? new NotFoundException("未找到该学校") : new ForbiddenException("无权查看该地区的统计数据");
    }
}
