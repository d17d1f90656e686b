using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;

namespace EduCloud.Students.Pages;

/// <summary>
/// What the school and class pickers offer: the schools the caller may see (a name search narrows a long list) and
/// the classes of one of them. Pickers only save typing ids; the handlers still check every choice.
/// </summary>
internal static class Pickers
{
    /// <summary>Longer lists are narrowed with the search box rather than sent whole to a phone.</summary>
    public const int SchoolsShown = 200;

    public static Task<IReadOnlyList<SchoolInfo>> SchoolsAsync(IOrganizationDirectory directory, string? search, CancellationToken ct) =>
        directory.ListVisibleSchoolsAsync(search, SchoolsShown, ct);

    /// <summary>The school to preselect: the one asked for, else the caller's only school, else the only school offered.</summary>
    public static Guid? DefaultSchool(Guid? asked, DataScope scope, IReadOnlyList<SchoolInfo> offered) =>
        asked ?? (scope.ManagedSchools.Count == 1 ? scope.ManagedSchools[0] : offered.Count == 1 ? offered[0].Id : null);

    /// <summary>
    /// The classes of a school the caller may see, in the academic year current on <paramref name="today"/> and, when
    /// <paramref name="withNextYear"/>, the next one too (a repeater moves to next year's grade); null when the school is
    /// unknown or outside the caller's scope.
    /// </summary>
    public static async Task<ClassChoices?> ClassesAsync(IOrganizationDirectory directory, DataScope scope, Guid? schoolId, DateOnly today, bool withNextYear,
        CancellationToken ct)
    {
        if (schoolId is not { } id || await directory.ListSchoolClassesAsync(id, today, ct) is not { } current || !scope.CanRead(current.School.Key))
        {
            return null;
        }
        var years = new List<SchoolClasses> { current };
        if (withNextYear && await directory.ListSchoolClassesAsync(id, today.AddYears(1), ct) is { } next && next.AcademicYear > current.AcademicYear)
        {
            years.Add(next);
        }
        return new ClassChoices(current.School, years);
    }
}

public sealed record ClassChoices(SchoolInfo School, IReadOnlyList<SchoolClasses> Years)
{
    public bool IsEmpty => Years.All(y => y.Classes.Count == 0);
}
