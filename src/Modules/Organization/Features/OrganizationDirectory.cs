using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Organization.Data;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features;

/// <summary>Answers the contract with the query filters off: it places things in the tree for the platform, it does not list them for a user.</summary>
internal sealed class OrganizationDirectory(OrganizationDbContext db) : IOrganizationDirectory
{
    public async Task<RegionInfo?> FindRegionAsync(string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new RegionInfo(r.Code, r.Name, r.Level, r.ParentCode, r.RetiredOn != null))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<string>> ProvinceCodesAsync(CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Province).Select(r => r.Code).ToListAsync(ct);

    public async Task<SchoolInfo?> FindSchoolAsync(Guid id, CancellationToken ct) =>
        await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SchoolInfo(s.Id, s.Code, s.Name, new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, s.Id, null), s.RetiredAt != null))
            .FirstOrDefaultAsync(ct);

    public async Task<ClassInfo?> FindClassAsync(Guid id, CancellationToken ct) =>
        (await FindClassesAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, ClassInfo>> FindClassesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await (
            from c in db.Classes.IgnoreQueryFilters()
            join g in db.Grades.IgnoreQueryFilters() on c.GradeId equals g.Id
            join s in db.Schools.IgnoreQueryFilters() on c.SchoolId equals s.Id
            where ids.Contains(c.Id)
            select new { c.Id, c.Name, GradeName = g.Name, SchoolId = s.Id, SchoolName = s.Name, c.ProvinceCode, c.CityCode, c.CountyCode, c.RetiredAt })
            .AsNoTracking().ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ClassInfo(r.Id, r.Name, r.GradeName, r.SchoolId, r.SchoolName,
            new ScopeKey(r.ProvinceCode, r.CityCode, r.CountyCode, r.SchoolId, r.Id), r.RetiredAt != null));
    }

    public async Task<SchoolClasses?> ListSchoolClassesAsync(Guid schoolId, DateOnly today, CancellationToken ct)
    {
        var school = await db.Schools.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null)
        {
            return null;
        }
        var info = new SchoolInfo(school.Id, school.Code, school.Name, new ScopeKey(school.ProvinceCode, school.CityCode, school.CountyCode, school.Id, null), school.RetiredAt != null);
        var year = await Calendar.AcademicYearRules.CurrentAsync(db, today, ct);
        if (year is null)
        {
            return new SchoolClasses(info, school.UrbanRural, 0, []);
        }
        var rows = await (
            from c in db.Classes.IgnoreQueryFilters()
            join g in db.Grades.IgnoreQueryFilters() on c.GradeId equals g.Id
            where c.SchoolId == schoolId && g.AcademicYearId == year.Id && c.RetiredAt == null
            orderby g.Stage, g.Level, c.Number
            select new { c.Id, c.Name, c.Number, GradeId = g.Id, GradeName = g.Name, g.Stage, g.Level, g.EntryYear, c.ProvinceCode, c.CityCode, c.CountyCode })
            .AsNoTracking().ToListAsync(ct);
        return new SchoolClasses(info, school.UrbanRural, year.StartYear, rows.Select(r => new SchoolClassInfo(r.Id, r.Name, r.Number, r.GradeId, r.GradeName,
            r.Stage, r.Level, r.EntryYear, new ScopeKey(r.ProvinceCode, r.CityCode, r.CountyCode, schoolId, r.Id))).ToList());
    }
}
