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
    /// <summary>A school's classes in the academic year current on <paramref name="today"/> (bulk import resolves class names with it).</summary>
    Task<SchoolClasses?> ListSchoolClassesAsync(Guid schoolId, DateOnly today, CancellationToken ct);
}

public sealed record RegionInfo(string Code, string Name, RegionLevel Level, string? ParentCode, bool Retired);

public sealed record SchoolInfo(Guid Id, string Code, string Name, ScopeKey Key, bool Retired);

public sealed record ClassInfo(Guid Id, string Name, string GradeName, Guid SchoolId, string SchoolName, ScopeKey Key, bool Retired);

/// <summary>A school with its urban/rural class and its classes of one academic year (retired classes left out).</summary>
public sealed record SchoolClasses(SchoolInfo School, UrbanRural UrbanRural, int AcademicYear, IReadOnlyList<SchoolClassInfo> Classes);

public sealed record SchoolClassInfo(Guid ClassId, string ClassName, int Number, Guid GradeId, string GradeName, Stage Stage, int Level, int EntryYear, ScopeKey Key);
