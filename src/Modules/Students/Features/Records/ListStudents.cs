using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Paging;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Records;

/// <summary>
/// The students the caller may see (administrators: their scope; teachers: their classes, by the scope filter),
/// filtered and paged, with the ID and number masked.
/// </summary>
internal static class ListStudents
{
    public sealed record Query(Guid? SchoolId, Guid? GradeId, Guid? ClassId, string? Status, string? Name, int? Page, int? Size);

    public sealed record Item(Guid Id, string StudentNumberMasked, string Name, Sex Sex, DateOnly BirthDate, string? CitizenIdMasked, string Status,
        string StatusName, Stage Stage, int GradeLevel, Guid? SchoolId, string? SchoolName, Guid? ClassId, string? ClassName, int Version);

    public static async Task<Page<Item>> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, Query q, CancellationToken ct)
    {
        var query = db.Students.AsNoTracking();
        if (q.SchoolId is { } school)
        {
            query = query.Where(s => s.SchoolId == school);
        }
        if (q.GradeId is { } grade)
        {
            query = query.Where(s => s.GradeId == grade);
        }
        if (q.ClassId is { } cls)
        {
            query = query.Where(s => s.ClassId == cls);
        }
        if (Enum.TryParse<EnrolmentStatus>(q.Status, true, out var status) && !int.TryParse(q.Status, out _))
        {
            query = query.Where(s => s.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(q.Name))
        {
            var name = q.Name.Trim();
            query = query.Where(s => s.Name.StartsWith(name));
        }
        var page = await query.OrderBy(s => s.GradeLevel).ThenBy(s => s.ClassId).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.StudentNumber, s.Name, s.Sex, s.BirthDate, s.CitizenIdMasked, s.Status, s.Stage, s.GradeLevel, s.SchoolId, s.ClassId, s.Version })
            .ToPageAsync(q.Page, q.Size, ct);
        var classes = await directory.FindClassesAsync(page.Items.Select(s => s.ClassId).OfType<Guid>().Distinct().ToList(), ct);
        var items = page.Items.Select(s =>
        {
            var c = s.ClassId is { } id ? classes.GetValueOrDefault(id) : null;
            return new Item(s.Id, StudentFields.MaskNumber(s.StudentNumber), s.Name, s.Sex, s.BirthDate, s.CitizenIdMasked, s.Status.ToString(),
                StatusRules.StatusName(s.Status), s.Stage, s.GradeLevel, s.SchoolId, c?.SchoolName, s.ClassId, c is null ? null : c.GradeName + c.Name, s.Version);
        }).ToList();
        return new Page<Item>(items, page.PageNumber, page.PageSize, page.Total);
    }

    public static async Task<Ok<Page<Item>>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, Guid? schoolId, Guid? gradeId, Guid? classId,
        string? status, string? name, int? page, int? size, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, new Query(schoolId, gradeId, classId, status, name, page, size), ct));
}
