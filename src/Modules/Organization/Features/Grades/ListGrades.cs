using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Features.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Grades;

/// <summary>The grades of a school in one academic year (the current one unless asked), with their class counts.</summary>
internal static class ListGrades
{
    public sealed record Response(Guid? AcademicYearId, string? AcademicYearName, IReadOnlyList<GradeDto> Grades);

    public static async Task<Response> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid schoolId, Guid? academicYearId, bool includeRetired, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == schoolId, ct))
        {
            throw new NotFoundException("未找到该学校");
        }
        var year = academicYearId is { } id
            ? await db.AcademicYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == id, ct) ?? throw new NotFoundException("未找到该学年")
            : await AcademicYearRules.CurrentAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (year is null)
        {
            return new Response(null, null, []);
        }
        var grades = db.Grades.AsNoTracking().Where(g => g.SchoolId == schoolId && g.AcademicYearId == year.Id);
        if (!includeRetired)
        {
            grades = grades.Where(g => g.RetiredAt == null);
        }
        var rows = await grades.OrderBy(g => g.Stage).ThenBy(g => g.Level)
            .Select(g => new { Grade = g, Classes = db.Classes.Count(c => c.GradeId == g.Id && c.RetiredAt == null) })
            .ToListAsync(ct);
        return new Response(year.Id, year.Name, rows.Select(r => r.Grade.ToDto(r.Classes)).ToList());
    }

    public static async Task<Ok<Response>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, Guid? academicYearId, bool? includeRetired, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, academicYearId, includeRetired ?? false, ct));
}
