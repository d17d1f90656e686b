using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Classes;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features;

/// <summary>Answers the contract with the query filters off: it places things in the tree for the platform, it does not list them for a user.</summary>
internal sealed class OrganizationDirectory(OrganizationDbContext db, TimeProvider clock) : IOrganizationDirectory
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
        (await FindPlacementsAsync([classId], ct)).GetValueOrDefault(classId);

    public async Task<IReadOnlyList<ClassInfo>> ListClassesAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        var ids = await db.Classes.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SchoolId != null && schoolIds.Contains(c.SchoolId.Value) && c.RetiredAt == null)
            .OrderBy(c => c.GradeId).ThenBy(c => c.Number).Select(c => c.Id).Take(500).ToListAsync(ct);
        var classes = await FindClassesAsync(ids, ct);
        return ids.Select(id => classes[id]).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, ClassPlacement>> FindPlacementsAsync(IReadOnlyCollection<Guid> classIds, CancellationToken ct)
    {
        var rows = await (
            from c in db.Classes.IgnoreQueryFilters()
            join g in db.Grades.IgnoreQueryFilters() on c.GradeId equals g.Id
            join y in db.AcademicYears on g.AcademicYearId equals y.Id
            join s in db.Schools.IgnoreQueryFilters() on c.SchoolId equals s.Id
            where classIds.Contains(c.Id)
            select new { Class = c, Grade = g, y.StartYear, SchoolName = s.Name, s.UrbanRural })
            .AsNoTracking().ToListAsync(ct);
        return rows.ToDictionary(r => r.Class.Id, r => Placement(r.Class, r.Grade, r.StartYear, r.SchoolName, r.UrbanRural));
    }

    public async Task<IReadOnlyDictionary<ClassSlot, ClassPlacement>> EnsureClassesAsync(Guid schoolId, int academicYearStart, IReadOnlyCollection<ClassSlot> slots,
        CancellationToken ct)
    {
        var year = await db.AcademicYears.AsNoTracking().FirstOrDefaultAsync(y => y.StartYear == academicYearStart, ct)
            ?? throw ValidationFailedException.For("academicYear", $"{academicYearStart}-{academicYearStart + 1}学年尚未建立");
        var school = await db.Schools.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException("未找到该学校");
        var grades = await db.Grades.IgnoreQueryFilters().Where(g => g.SchoolId == schoolId && g.AcademicYearId == year.Id).ToListAsync(ct);
        var gradeIds = grades.Select(g => g.Id).ToList();
        var classes = await db.Classes.IgnoreQueryFilters().Where(c => gradeIds.Contains(c.GradeId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new Dictionary<ClassSlot, ClassPlacement>();
        foreach (var slot in slots.Distinct())
        {
            var grade = grades.FirstOrDefault(g => g.Stage == slot.Stage && g.Level == slot.Level);
            if (grade is null)
            {
                grade = new Grade
                {
                    SchoolId = schoolId, AcademicYearId = year.Id, Stage = slot.Stage, Level = slot.Level, Name = GradeNames.For(slot.Stage, slot.Level),
                    EntryYear = year.StartYear - slot.Level + 1, CreatedAt = now, UpdatedAt = now,
                };
                grade.PlaceInCounty(school.CountyCode);
                db.Grades.Add(grade);
                grades.Add(grade);
            }
            var cls = classes.FirstOrDefault(c => c.GradeId == grade.Id && c.Number == slot.Number);
            if (cls is null)
            {
                cls = new ClassGroup
                {
                    GradeId = grade.Id, Number = slot.Number, Name = ClassRules.DefaultName(slot.Number), SchoolId = schoolId, CreatedAt = now, UpdatedAt = now,
                };
                cls.ClassId = cls.Id;
                cls.PlaceInCounty(school.CountyCode);
                db.Classes.Add(cls);
                classes.Add(cls);
            }
            result[slot] = Placement(cls, grade, year.StartYear, school.Name, school.UrbanRural);
        }
        // One save for every missing grade and class; the caller's scope guard applies as for any other change.
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static ClassPlacement Placement(ClassGroup c, Grade g, int startYear, string schoolName, UrbanRural urbanRural) =>
        new(c.Id, c.Name, c.Number, g.Id, g.Name, g.Stage, g.Level, GradeNames.LevelsIn(g.Stage), g.EntryYear, startYear, c.SchoolId!.Value, schoolName, urbanRural,
            new ScopeKey(c.ProvinceCode, c.CityCode, c.CountyCode, c.SchoolId, c.Id), c.RetiredAt != null || g.RetiredAt != null);

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

    public async Task<IReadOnlyList<SchoolInfo>> ListVisibleSchoolsAsync(string? search, int take, CancellationToken ct)
    {
        // The query filter stays on: a picker offers only what the caller may see.
        var schools = db.Schools.AsNoTracking().Where(s => s.RetiredAt == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            schools = schools.Where(s => s.Name.Contains(term) || s.Code.StartsWith(term));
        }
        return await schools.OrderBy(s => s.Name).ThenBy(s => s.Id).Take(Math.Clamp(take, 1, 500))
            .Select(s => new SchoolInfo(s.Id, s.Code, s.Name, new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, s.Id, null), false))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SchoolInfo>> ListVisibleSchoolsInCountyAsync(string countyCode, int take, CancellationToken ct) =>
        await db.Schools.AsNoTracking().Where(s => s.RetiredAt == null && s.CountyCode == countyCode)
            .OrderBy(s => s.Code).Take(Math.Clamp(take, 1, 2000))
            .Select(s => new SchoolInfo(s.Id, s.Code, s.Name, new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, s.Id, null), false))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(RegionLevel level, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == level && r.RetiredOn == null).OrderBy(r => r.Code)
            .Select(r => new RegionInfo(r.Code, r.Name, r.Level, r.ParentCode, false)).ToListAsync(ct);
}
