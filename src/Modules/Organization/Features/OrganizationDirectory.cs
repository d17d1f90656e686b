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

    public async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

    public async Task<IReadOnlyDictionary<Guid, string>> SchoolNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

    public async Task<ClassPlacement?> FindPlacementAsync(Guid classId, CancellationToken ct) =>
        await (
            from c in db.Classes.IgnoreQueryFilters()
            join g in db.Grades.IgnoreQueryFilters() on c.GradeId equals g.Id
            join s in db.Schools.IgnoreQueryFilters() on c.SchoolId equals s.Id
            where c.Id == classId
            select new ClassPlacement(c.Id, c.Name, g.Id, g.Name, g.Stage, g.Level, g.EntryYear, s.Id, s.Name, s.UrbanRural,
                new ScopeKey(c.ProvinceCode, c.CityCode, c.CountyCode, s.Id, c.Id), c.RetiredAt != null || g.RetiredAt != null || s.RetiredAt != null))
            .AsNoTracking().FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ClassInfo>> ListClassesAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        var ids = await db.Classes.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SchoolId != null && schoolIds.Contains(c.SchoolId.Value) && c.RetiredAt == null)
            .OrderBy(c => c.GradeId).ThenBy(c => c.Number).Select(c => c.Id).Take(500).ToListAsync(ct);
        var classes = await FindClassesAsync(ids, ct);
        return ids.Select(id => classes[id]).ToList();
    }
}
