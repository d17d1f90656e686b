using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Paging;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Registry;

public sealed record TeacherListItem(Guid Id, string TeacherNumber, string Name, Sex Sex, string CitizenIdMasked, string MainSubject, string Title,
    string Status, string StatusName, Guid SchoolId, string SchoolName);

/// <summary>Teachers in the caller's scope (the filter decides), masked IDs, with the list filters of the /teachers page.</summary>
internal static class ListTeachers
{
    public sealed record Query(Guid? SchoolId, string? CountyCode, string? Q, string? Status, string? Subject, int? Page, int? PageSize);

    public static async Task<Page<TeacherListItem>> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, Query query, CancellationToken ct)
    {
        var rows = db.Teachers.AsNoTracking();
        if (query.SchoolId is { } school)
        {
            rows = rows.Where(t => t.SchoolId == school);
        }
        if (!string.IsNullOrWhiteSpace(query.CountyCode))
        {
            rows = rows.Where(t => t.CountyCode == query.CountyCode);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            rows = rows.Where(t => t.Name.Contains(q) || t.TeacherNumber == q);
        }
        if (Enum.TryParse<TeacherStatus>(query.Status, true, out var status))
        {
            rows = rows.Where(t => t.Status == status);
        }
        if (TeacherCodes.ParseSubject(query.Subject) is { } subject)
        {
            rows = rows.Where(t => t.MainSubjectCode == subject);
        }
        var page = await rows.OrderBy(t => t.SchoolId).ThenBy(t => t.TeacherNumber)
            .Select(t => new { t.Id, t.TeacherNumber, t.Name, t.Sex, t.CitizenIdMasked, t.MainSubjectCode, t.TitleCode, t.Status, SchoolId = t.SchoolId!.Value })
            .ToPageAsync(query.Page, query.PageSize, ct);
        var names = new Dictionary<Guid, string>();
        foreach (var id in page.Items.Select(i => i.SchoolId).Distinct())
        {
            names[id] = (await directory.FindSchoolAsync(id, ct))?.Name ?? "";
        }
        var items = page.Items.Select(t => new TeacherListItem(t.Id, t.TeacherNumber, t.Name, t.Sex, t.CitizenIdMasked, TeacherCodes.SubjectName(t.MainSubjectCode),
            TeacherCodes.TitleName(t.TitleCode), t.Status.ToString(), TeacherCodes.StatusName(t.Status), t.SchoolId, names[t.SchoolId])).ToList();
        return new Page<TeacherListItem>(items, page.PageNumber, page.PageSize, page.Total);
    }

    public static async Task<Ok<Page<TeacherListItem>>> EndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, Guid? schoolId, string? countyCode,
        string? q, string? status, string? subject, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, new Query(schoolId, countyCode, q, status, subject, page, pageSize), ct));
}
