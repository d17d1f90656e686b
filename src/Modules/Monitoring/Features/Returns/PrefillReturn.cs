using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Contracts;
using EduCloud.Teachers.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

/// <summary>
/// What the platform already knows about a school, offered as the starting values of its return: the class count
/// (Organization), enrolled students (Students census) and active teachers (Teachers census) for the fields whose
/// prefill says "registry.*", and last year's approved return for every other field.
/// </summary>
internal sealed class PrefillReturn(IOrganizationDirectory org, IStudentCensus students, ITeacherCensus teachers, TimeProvider clock)
{
    public async Task<Dictionary<string, string>> ValuesAsync(MonitoringDbContext db, FormSpec form, SchoolClasses school, CancellationToken ct)
    {
        var values = new Dictionary<string, string>();
        var lastYear = await LastYearAsync(db, school.School.Id, form.Year, ct);
        var ids = new[] { school.School.Id };
        var registry = new Dictionary<string, int>
        {
            ["registry.classes"] = school.Classes.Count,
            ["registry.students"] = (await students.ReadSchoolsAsync(ids, ct)).Where(c => c.Status == CensusStatus.Enrolled).Sum(c => c.Students),
            ["registry.teachers"] = (await teachers.ReadSchoolsAsync(ids, ct)).Sum(c => c.Teachers),
        };
        foreach (var field in form.Fields)
        {
            if (field.Prefill is { } source && registry.TryGetValue(source, out var figure))
            {
                values[field.Key] = figure.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (lastYear?.GetValueOrDefault(field.Key) is { } previous)
            {
                values[field.Key] = previous;
            }
        }
        return values;
    }

    public async Task<SchoolClasses?> SchoolAsync(Guid schoolId, CancellationToken ct) =>
        await org.ListSchoolClassesAsync(schoolId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>The values of the school's approved return of the year before (the outlier checks compare with it).</summary>
    public static async Task<Dictionary<string, string>?> LastYearAsync(MonitoringDbContext db, Guid schoolId, int year, CancellationToken ct)
    {
        var json = await db.Returns.AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Year == year - 1 && r.IsCurrent && r.Status == ReturnStatus.Approved)
            .Select(r => r.ValuesJson).FirstOrDefaultAsync(ct);
        return json is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json);
    }
}
