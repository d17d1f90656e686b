using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Tree;

/// <summary>One node of the organisation tree. Kind: national, province, city, county, school, teachingPoint, grade, class, mine.</summary>
public sealed record OrgNodeDto(string Kind, string Key, string Name, int? Count = null, string? CountLabel = null);

public sealed record OrgTreeDto(OrgNodeDto Node, IReadOnlyList<OrgNodeDto> Breadcrumbs, IReadOnlyList<OrgNodeDto> Children, string? AcademicYearName);

/// <summary>
/// Browses the organisation tree: national → province → city → county → school → grade → class, each level with the
/// children the caller can see and a count for each. Scoped rows (schools, teaching points, grades, classes) come through
/// the scope filter. Regions are reference data, so which regions to list is decided here (see <see cref="RegionsAsync"/>).
/// </summary>
internal static class BrowseTree
{
    public sealed record Query(string? Region, Guid? School, Guid? Grade, Guid? AcademicYearId, Guid? Class = null);

    public static async Task<OrgTreeDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Query query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var year = query.AcademicYearId is { } yearId
            ? await db.AcademicYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == yearId, ct) ?? throw new NotFoundException("未找到该学年")
            : await AcademicYearRules.CurrentAsync(db, today, ct);
        if (query.Class is { } classId)
        {
            return await ClassAsync(db, classId, ct);
        }
        if (query.Grade is { } gradeId)
        {
            return await GradeAsync(db, gradeId, ct);
        }
        if (query.School is { } schoolId)
        {
            return await SchoolAsync(db, schoolId, year, ct);
        }
        if (!string.IsNullOrEmpty(query.Region))
        {
            return await RegionAsync(db, query.Region, year, ct);
        }
        return await StartAsync(db, year, ct);
    }

    /// <summary>Where a user lands: their own region or school; a teacher (no region or school scope) gets “我的班级”.</summary>
    private static async Task<OrgTreeDto> StartAsync(OrganizationDbContext db, AcademicYear? year, CancellationToken ct)
    {
        var scope = db.Actor.Scope;
        var provinces = scope.Provinces.Where(p => p.Length == 6).ToList();
        if (scope.IsSystem || provinces.Count > 1)
        {
            var root = new OrgNodeDto("national", "", "全国");
            return new OrgTreeDto(root, [root], await RegionsAsync(db, null, ct), year?.Name);
        }
        if (provinces.Concat(scope.Cities).Concat(scope.Counties).FirstOrDefault() is { } region)
        {
            return await RegionAsync(db, region, year, ct);
        }
        if (scope.Schools.Count == 1)
        {
            return await SchoolAsync(db, scope.Schools[0], year, ct);
        }
        var mine = new OrgNodeDto("mine", "", scope.Schools.Count > 1 ? "我的学校" : "我的班级");
        var children = scope.Schools.Count > 1
            ? await db.Schools.AsNoTracking().Where(s => s.RetiredAt == null).OrderBy(s => s.Code)
                .Select(s => new OrgNodeDto("school", s.Id.ToString(), s.Name, null, null)).ToListAsync(ct)
            : await MyClassesAsync(db, ct);
        return new OrgTreeDto(mine, [mine], children, year?.Name);
    }

    /// <summary>
    /// The classes the caller sees (a teacher's own), named with their school and grade so they read alone. Two queries:
    /// IgnoreQueryFilters applies to a whole query, so the names are looked up only after the filtered classes are known.
    /// </summary>
    private static async Task<List<OrgNodeDto>> MyClassesAsync(OrganizationDbContext db, CancellationToken ct)
    {
        var classes = await db.Classes.AsNoTracking().Where(c => c.RetiredAt == null).Take(200).ToListAsync(ct);
        var gradeIds = classes.Select(c => c.GradeId).Distinct().ToList();
        var grades = await db.Grades.IgnoreQueryFilters().AsNoTracking().Where(g => gradeIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var schoolIds = classes.Select(c => c.SchoolId!.Value).Distinct().ToList();
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return classes
            .Select(c => (Class: c, Grade: grades[c.GradeId], School: schools[c.SchoolId!.Value]))
            .OrderBy(x => x.School).ThenBy(x => x.Grade.Stage).ThenBy(x => x.Grade.Level).ThenBy(x => x.Class.Number)
            .Select(x => new OrgNodeDto("class", x.Class.Id.ToString(), x.School + " " + x.Grade.Name + x.Class.Name))
            .ToList();
    }

    private static async Task<OrgTreeDto> RegionAsync(OrganizationDbContext db, string code, AcademicYear? year, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) ?? throw new NotFoundException("未找到该行政区划");
        var crumbs = await RegionCrumbsAsync(db, code, ct);
        var node = crumbs[^1];
        var hasChildRegions = region.Level != RegionLevel.County && await db.Regions.AnyAsync(r => r.ParentCode == code && r.RetiredOn == null, ct);
        if (hasChildRegions)
        {
            return new OrgTreeDto(node, crumbs, await RegionsAsync(db, region, ct), year?.Name);
        }
        // A county (or a prefecture city without counties, such as 东莞): its schools, then its teaching points.
        var yearId = year?.Id ?? Guid.Empty;
        var schools = await db.Schools.AsNoTracking().Where(s => s.CountyCode == code && s.RetiredAt == null).OrderBy(s => s.Code)
            .Select(s => new OrgNodeDto("school", s.Id.ToString(), s.Name, db.Grades.Count(g => g.SchoolId == s.Id && g.AcademicYearId == yearId && g.RetiredAt == null), "个年级"))
            .ToListAsync(ct);
        var points = await db.TeachingPoints.AsNoTracking().Where(t => t.CountyCode == code && t.RetiredAt == null).OrderBy(t => t.Name)
            .Select(t => new OrgNodeDto("teachingPoint", t.CentralSchoolId.ToString(), t.Name, db.Classes.Count(c => c.TeachingPointId == t.Id && c.RetiredAt == null), "个班级"))
            .ToListAsync(ct);
        return new OrgTreeDto(node, crumbs, [.. schools, .. points], year?.Name);
    }

    /// <summary>
    /// The child regions to show, each with its number of visible schools. A region is listed when it holds a school the
    /// caller can see, or when it lies inside (or above) the caller's own regions: a county administrator must find their
    /// empty county to open its first school, but a national user browsing Guizhou should not wade through regions
    /// that hold nothing for them. Regions are public reference data, so listing an empty one leaks nothing.
    /// </summary>
    private static async Task<List<OrgNodeDto>> RegionsAsync(OrganizationDbContext db, Region? parent, CancellationToken ct)
    {
        var children = await db.Regions.AsNoTracking()
            .Where(r => r.RetiredOn == null && (parent == null ? r.ParentCode == null : r.ParentCode == parent.Code))
            .OrderBy(r => r.Code).ToListAsync(ct);
        var schools = db.Schools.AsNoTracking().Where(s => s.RetiredAt == null);
        var counts = parent?.Level switch
        {
            null => await schools.GroupBy(s => s.ProvinceCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct),
            RegionLevel.Province => await schools.Where(s => s.ProvinceCode == parent.Code).GroupBy(s => s.CityCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct),
            _ => await schools.Where(s => s.CityCode == parent.Code).GroupBy(s => s.CountyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct),
        };
        var scope = db.Actor.Scope;
        var own = scope.Provinces.Concat(scope.Cities).Concat(scope.Counties).Where(c => c.Length == 6).Select(Prefix).ToList();
        return children
            .Select(r => (Region: r, Count: counts.GetValueOrDefault(r.Code)))
            .Where(x => scope.IsSystem || x.Count > 0 || own.Any(p => p.StartsWith(Prefix(x.Region.Code), StringComparison.Ordinal) || Prefix(x.Region.Code).StartsWith(p, StringComparison.Ordinal)))
            .Select(x => new OrgNodeDto(Kind(x.Region.Level), x.Region.Code, x.Region.Name, x.Count, "所学校"))
            .ToList();
    }

    private static async Task<OrgTreeDto> SchoolAsync(OrganizationDbContext db, Guid schoolId, AcademicYear? year, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException("未找到该学校");
        var node = new OrgNodeDto("school", school.Id.ToString(), school.Name);
        var crumbs = await RegionCrumbsAsync(db, school.CountyCode, ct);
        var yearId = year?.Id ?? Guid.Empty;
        var grades = await db.Grades.AsNoTracking().Where(g => g.SchoolId == schoolId && g.AcademicYearId == yearId && g.RetiredAt == null)
            .OrderBy(g => g.Stage).ThenBy(g => g.Level)
            .Select(g => new OrgNodeDto("grade", g.Id.ToString(), g.Name, db.Classes.Count(c => c.GradeId == g.Id && c.RetiredAt == null), "个班级"))
            .ToListAsync(ct);
        return new OrgTreeDto(node, [.. crumbs, node], grades, year?.Name);
    }

    private static async Task<OrgTreeDto> GradeAsync(OrganizationDbContext db, Guid gradeId, CancellationToken ct)
    {
        var grade = await db.Grades.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gradeId, ct) ?? throw new NotFoundException("未找到该年级");
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == grade.SchoolId, ct) ?? throw new NotFoundException("未找到该学校");
        var year = await db.AcademicYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == grade.AcademicYearId, ct);
        var crumbs = await RegionCrumbsAsync(db, school.CountyCode, ct);
        var node = new OrgNodeDto("grade", grade.Id.ToString(), grade.Name);
        var classes = await db.Classes.AsNoTracking().Where(c => c.GradeId == gradeId && c.RetiredAt == null).OrderBy(c => c.Number)
            .Select(c => new OrgNodeDto("class", c.Id.ToString(), c.Name, null, null))
            .ToListAsync(ct);
        return new OrgTreeDto(node, [.. crumbs, new OrgNodeDto("school", school.Id.ToString(), school.Name), node], classes, year?.Name);
    }

    /// <summary>
    /// A class with its full path. The class itself comes through the scope filter (a teacher of another school gets
    /// 404); its grade and school are then named without it, as in <see cref="MyClassesAsync"/>, because a teacher's
    /// scope holds classes, not the school above them.
    /// </summary>
    private static async Task<OrgTreeDto> ClassAsync(OrganizationDbContext db, Guid classId, CancellationToken ct)
    {
        var group = await db.Classes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId, ct) ?? throw new NotFoundException("未找到该班级");
        var grade = await db.Grades.IgnoreQueryFilters().AsNoTracking().FirstAsync(g => g.Id == group.GradeId, ct);
        var school = await db.Schools.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == group.SchoolId, ct);
        var year = await db.AcademicYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == grade.AcademicYearId, ct);
        var crumbs = await RegionCrumbsAsync(db, school.CountyCode, ct);
        var node = new OrgNodeDto("class", group.Id.ToString(), group.Name);
        return new OrgTreeDto(node,
            [.. crumbs, new OrgNodeDto("school", school.Id.ToString(), school.Name), new OrgNodeDto("grade", grade.Id.ToString(), grade.Name), node],
            [], year?.Name);
    }

    /// <summary>Province → city → county for a region code (fewer for a province or city).</summary>
    private static async Task<List<OrgNodeDto>> RegionCrumbsAsync(OrganizationDbContext db, string code, CancellationToken ct)
    {
        var codes = new[] { RegionCode.ProvinceOf(code), RegionCode.CityOf(code), code }.Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Level).ToListAsync(ct);
        return regions.Select(r => new OrgNodeDto(Kind(r.Level), r.Code, r.Name)).ToList();
    }

    private static string Prefix(string code) => RegionCode.LevelOf(code) switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.City => code[..4],
        _ => code,
    };

    private static string Kind(RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    };

    public static async Task<Ok<OrgTreeDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, string? region, Guid? school, Guid? grade, Guid? academicYearId, Guid? @class, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, new Query(region, school, grade, academicYearId, @class), ct));
}
