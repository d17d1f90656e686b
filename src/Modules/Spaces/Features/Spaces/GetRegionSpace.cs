using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Spaces;

/// <summary>
/// 区域空间: a province's, city's or county's institutional space. It shows the bureau's notices to the region's schools,
/// an activity overview of the last 30 days (notices sent into the region and how many recipients read and acknowledged
/// them, active research groups and lesson plans) and the way down: sub-regions, or a county's schools. Open to the
/// bureaus that see the region by place and, read-only, to the staff of its schools (the notices they got from it).
/// </summary>
internal static class GetRegionSpace
{
    public sealed record Activity(int Notices, int Recipients, int ReadPercent, int AcknowledgedPercent, int ResearchGroups, int LessonPlans);

    public sealed record Child(string Kind, string Id, string Name);

    public sealed record Response(string Code, string Name, string Level, string? ParentCode, Activity Activity,
        IReadOnlyList<GetClassSpace.NoticeItem> Notices, IReadOnlyList<Child> Children);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IOrganizationDirectory directory, IPeopleDirectory people, TimeProvider clock,
        string code, CancellationToken ct)
    {
        if (!RegionCode.IsWellFormed(code))
        {
            throw ValidationFailedException.For("code", "区域代码应为6位行政区划代码");
        }
        var region = await directory.FindRegionAsync(code, ct) ?? throw new NotFoundException("未找到该行政区划");
        var level = RegionCode.LevelOf(code);
        var bureau = db.Actor.Scope.CanRead(ScopeKey.OfRegion(code));
        if (!bureau && !(await people.PlacesOfAsync(db.Actor.Me(), ct)).Any(p => Within(p.Place, code, level)))
        {
            throw new ForbiddenException("您不是该区域的成员");
        }
        var targets = InRegion(db.Targets.AsNoTracking(), code, level);
        var receiptsInRegion = InRegion(db.Receipts.AsNoTracking(), code, level);
        // A bureau sees the notices addressed into its region; staff of a school there see those they received.
        var bureauNotices = db.Notices.AsNoTracking().Where(n => n.SenderKind == SenderKind.Bureau
            && (targets.Any(t => t.NoticeId == n.Id) || receiptsInRegion.Any(r => r.NoticeId == n.Id)));
        var notices = await bureauNotices.OrderByDescending(n => n.SentAt).Take(30)
            .Select(n => new GetClassSpace.NoticeItem(n.Id, n.Title, n.SenderName, n.SentAt)).ToListAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        // The three receipt counts in one pass over the region's receipts.
        var counts = await receiptsInRegion.Where(r => r.SentAt >= since).GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Read = g.Count(r => r.ReadAt != null), Acknowledged = g.Count(r => r.AcknowledgedAt != null) })
            .FirstOrDefaultAsync(ct);
        var (recipients, read, acknowledged) = (counts?.All ?? 0, counts?.Read ?? 0, counts?.Acknowledged ?? 0);
        var noticeCount = await targets.Where(t => t.SentAt >= since).Select(t => t.NoticeId).Distinct().CountAsync(ct);
        var children = await ChildrenAsync(directory, code, level, bureau, ct);
        var schoolIds = level == RegionLevel.County ? children.Select(c => Guid.Parse(c.Id)).ToList() : [];
        // Groups and plans carry no region, only a school (or none, for a cross-school studio): counted for a county's schools.
        var groups = schoolIds.Count == 0 ? 0 : await db.Groups.CountAsync(g => g.SchoolId != null && schoolIds.Contains(g.SchoolId.Value), ct);
        var plans = schoolIds.Count == 0 ? 0 : await db.Plans.CountAsync(p => p.UpdatedAt >= since && db.Groups.Any(g => g.Id == p.GroupId && g.SchoolId != null && schoolIds.Contains(g.SchoolId.Value)), ct);
        var activity = new Activity(noticeCount, recipients, Percent(read, recipients), Percent(acknowledged, recipients), groups, plans);
        return new Response(region.Code, region.Name, level switch { RegionLevel.Province => "省级", RegionLevel.City => "市级", _ => "县级" },
            region.ParentCode, activity, notices, children);
    }

    private static bool Within(ScopeKey place, string code, RegionLevel level) => level switch
    {
        RegionLevel.Province => place.ProvinceCode == code,
        RegionLevel.City => place.CityCode == code,
        _ => place.CountyCode == code,
    };

    private static IQueryable<T> InRegion<T>(IQueryable<T> rows, string code, RegionLevel level) where T : IScopedRow => level switch
    {
        RegionLevel.Province => rows.Where(r => r.ProvinceCode == code),
        RegionLevel.City => rows.Where(r => r.CityCode == code),
        _ => rows.Where(r => r.CountyCode == code),
    };

    /// <summary>The way down: the sub-regions of a province or city; a county's schools (those the caller may see).</summary>
    private static async Task<List<Child>> ChildrenAsync(IOrganizationDirectory directory, string code, RegionLevel level, bool bureau, CancellationToken ct)
    {
        if (level == RegionLevel.County)
        {
            return !bureau ? [] : [.. (await directory.ListVisibleSchoolsInCountyAsync(code, 2000, ct)).Select(s => new Child("school", s.Id.ToString(), s.Name))];
        }
        var below = level == RegionLevel.Province ? RegionLevel.City : RegionLevel.County;
        return [.. (await directory.ListRegionsAsync(below, ct)).Where(r => r.ParentCode == code).Select(r => new Child("region", r.Code, r.Name))];
    }

    private static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, IOrganizationDirectory directory, IPeopleDirectory people, TimeProvider clock,
        string code, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, people, clock, code, ct));
}
