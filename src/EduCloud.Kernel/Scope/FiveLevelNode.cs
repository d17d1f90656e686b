using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;

namespace EduCloud.Kernel.Scope;

/// <summary>
/// A node of the five levels that a statistics or monitoring request means: the nation, a province, city or county
/// (by GB/T 2260 code), or a school. Rollups are platform caches, not scoped queries, so a module reading one checks
/// the caller's <see cref="DataScope"/> on the node here, once: a county bureau reads its county and its schools,
/// never a neighbour's or its province's totals. A refusal is audited; an unknown or unreadable school is answered 404
/// so that its existence is not revealed.
/// </summary>
public sealed record FiveLevelNode(string Kind, string Code, Guid? SchoolId, ScopeKey Key)
{
    public const string NationalKind = "national";

    public static FiveLevelNode National { get; } = new(NationalKind, NationalKind, null, default);

    public bool IsNational => Kind == NationalKind;

    /// <summary>What a module says in its refusals and audit lines ("统计"/"stats", "监测"/"monitoring").</summary>
    public sealed record Wording(string Module, string Subject, string NodeError);

    public static FiveLevelNode Region(string code) => new(RegionCode.LevelOf(code) switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    }, code, null, ScopeKey.OfRegion(code));

    public static FiveLevelNode School(Guid id, ScopeKey key) => new("school", id.ToString(), id, key);

    /// <summary>
    /// The node named by <paramref name="node"/> (a region code, "national" or a school id), or the caller's home
    /// node when it is empty. <paramref name="findSchool"/> looks a school up (the module's own cache first, then the
    /// organisation directory) and answers null when it does not exist.
    /// </summary>
    public static async Task<FiveLevelNode> ResolveAsync(ICurrentActor actor, AuditTrail audit, string? node, Wording wording,
        Func<Guid, CancellationToken, Task<ScopeKey?>> findSchool, CancellationToken ct)
    {
        var resolved = string.IsNullOrWhiteSpace(node) ? await HomeAsync(actor, wording, findSchool, ct)
            : node == NationalKind ? National
            : RegionCode.IsWellFormed(node) ? Region(node)
            : Guid.TryParse(node, out var id) ? await findSchool(id, ct) is { } key ? School(id, key) : await DenyAsync(audit, wording, node, school: true, ct)
            : throw ValidationFailedException.For("node", wording.NodeError);
        if (!resolved.CanBeReadBy(actor))
        {
            await DenyAsync(audit, wording, node ?? "", resolved.SchoolId is not null, ct);
        }
        return resolved;
    }

    public bool CanBeReadBy(ICurrentActor actor) =>
        IsNational ? actor.Scope.IsSystem || actor.Roles.Contains(Role.NationalAdmin) : actor.Scope.CanRead(Key);

    /// <summary>
    /// From the nation down to this node, for breadcrumbs (the caller keeps the ones the reader may see). A school
    /// hangs under <paramref name="schoolParentCode"/> when the rollup knows it (a school run by a city bureau), else
    /// under its county. A municipality's city level repeats its province code and is left out.
    /// </summary>
    public IEnumerable<FiveLevelNode> Path(string? schoolParentCode = null)
    {
        yield return National;
        var code = SchoolId is not null ? schoolParentCode ?? Key.CountyCode : IsNational ? "" : Code;
        if (code.Length == 6)
        {
            yield return Region(RegionCode.ProvinceOf(code));
            if (RegionCode.LevelOf(code) != RegionLevel.Province && RegionCode.CityOf(code) != RegionCode.ProvinceOf(code))
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

    /// <summary>Where a caller lands without choosing: the nation for a national administrator, else their region or school.</summary>
    private static async Task<FiveLevelNode> HomeAsync(ICurrentActor actor, Wording wording, Func<Guid, CancellationToken, Task<ScopeKey?>> findSchool,
        CancellationToken ct)
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
        if (scope.Schools.Count > 0 && await findSchool(scope.Schools[0], ct) is { } key)
        {
            return School(scope.Schools[0], key);
        }
        throw new ForbiddenException($"无权查看{wording.Subject}数据");
    }

    private static async Task<FiveLevelNode> DenyAsync(AuditTrail audit, Wording wording, string node, bool school, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.Denied, wording.Module, node, AuditOutcome.Denied, $"{wording.Module} read outside scope", ct: ct);
        throw school ? new NotFoundException("未找到该学校") : new ForbiddenException($"无权查看该地区的{wording.Subject}数据");
    }
}
