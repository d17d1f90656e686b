using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Organization.Contracts;

/// <summary>
/// What other modules may ask of the organisation tree. It answers for the platform, not for the caller:
/// it is used to place rows and role assignments in the tree, so it is not scope-filtered.
/// </summary>
public interface IOrganizationDirectory
{
    Task<RegionInfo?> FindRegionAsync(string code, CancellationToken ct);
    Task<IReadOnlyList<string>> ProvinceCodesAsync(CancellationToken ct);
    Task<SchoolInfo?> FindSchoolAsync(Guid id, CancellationToken ct);
    Task<ClassInfo?> FindClassAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, ClassInfo>> FindClassesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Names of many regions at once (statistics tables list a level's children); unknown codes are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct);

    /// <summary>Names of many schools at once, retired ones included (their students still count); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> SchoolNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>What placing a student in a class sets on the student record: grade, stage, level, cohort, urban/rural.</summary>
    Task<ClassPlacement?> FindPlacementAsync(Guid classId, CancellationToken ct);

    /// <summary>The open classes of some schools (to offer as targets, e.g. of a transfer), by grade then number.</summary>
    Task<IReadOnlyList<ClassInfo>> ListClassesAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct);

    /// <summary>Where classes sit in their school's year: grade, stage, level, number, academic year (for student records).</summary>
    Task<IReadOnlyDictionary<Guid, ClassPlacement>> FindPlacementsAsync(IReadOnlyCollection<Guid> classIds, CancellationToken ct);

    /// <summary>
    /// The classes of a school in the academic year starting <paramref name="academicYearStart"/> for the given slots
    /// (stage, level, class number), creating missing grades and classes (year-end promotion). Saved as the caller, so
    /// the caller must manage the school. Throws ValidationFailedException when that academic year does not exist.
    /// </summary>
    Task<IReadOnlyDictionary<ClassSlot, ClassPlacement>> EnsureClassesAsync(Guid schoolId, int academicYearStart, IReadOnlyCollection<ClassSlot> slots, CancellationToken ct);

    /// <summary>A school's classes in the academic year current on <paramref name="today"/> (bulk import resolves class names with it).</summary>
    Task<SchoolClasses?> ListSchoolClassesAsync(Guid schoolId, DateOnly today, CancellationToken ct);

    /// <summary>
    /// The open schools the CALLER may see (the one scope-filtered answer here: it fills school pickers), by name, at
    /// most <paramref name="take"/>; <paramref name="search"/> narrows by a part of the name or the start of the code.
    /// </summary>
    Task<IReadOnlyList<SchoolInfo>> ListVisibleSchoolsAsync(string? search, int take, CancellationToken ct);

    /// <summary>The open schools of one county that the CALLER may see (scope-filtered), by code, at most <paramref name="take"/> (≤ 2,000).</summary>
    Task<IReadOnlyList<SchoolInfo>> ListVisibleSchoolsInCountyAsync(string countyCode, int take, CancellationToken ct);

    /// <summary>The open regions of one level, by code (role pickers: the caller's page keeps those it manages).</summary>
    Task<IReadOnlyList<RegionInfo>> ListRegionsAsync(RegionLevel level, CancellationToken ct);
}

public sealed record ClassSlot(Stage Stage, int Level, int Number);

public sealed record ClassPlacement(Guid ClassId, string ClassName, int Number, Guid GradeId, string GradeName, Stage Stage, int Level, int LevelsInStage,
    int EntryYear, int AcademicYearStart, Guid SchoolId, string SchoolName, UrbanRural UrbanRural, ScopeKey Key, bool Retired);

public sealed record RegionInfo(string Code, string Name, RegionLevel Level, string? ParentCode, bool Retired);

public sealed record SchoolInfo(Guid Id, string Code, string Name, ScopeKey Key, bool Retired);

public sealed record ClassInfo(Guid Id, string Name, string GradeName, Guid SchoolId, string SchoolName, ScopeKey Key, bool Retired);


/// <summary>A school with its urban/rural class and its classes of one academic year (retired classes left out).</summary>
public sealed record SchoolClasses(SchoolInfo School, UrbanRural UrbanRural, int AcademicYear, IReadOnlyList<SchoolClassInfo> Classes);

public sealed record SchoolClassInfo(Guid ClassId, string ClassName, int Number, Guid GradeId, string GradeName, Stage Stage, int Level, int EntryYear, ScopeKey Key);
