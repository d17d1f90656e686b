using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Registry;

public sealed record ChangeDto(Guid Id, string Kind, DateOnly EffectiveOn, string? FromStatus, string? ToStatus, string? FromSchoolName, string? ToSchoolName,
    string? Note, DateTime RecordedAt, string RecordedByName);

/// <summary>One teacher with their history. Visible to administrators in scope and to the teacher through their linked account.</summary>
internal static class GetTeacher
{
    public static async Task<TeacherDto?> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var teacher = await db.Teachers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (teacher is null)
        {
            return null;
        }
        var school = await directory.FindSchoolAsync(teacher.SchoolId!.Value, ct);
        return TeacherDto.From(teacher, school?.Name ?? "");
    }

    /// <summary>The history follows the teacher: rows written at a former school are shown to whoever may see the record now.</summary>
    public static async Task<IReadOnlyList<ChangeDto>> HistoryAsync(TeachersDbContext db, Guid id, CancellationToken ct)
    {
        if (!await db.Teachers.AnyAsync(t => t.Id == id, ct))
        {
            throw new NotFoundException("未找到该教师");
        }
        var rows = await db.Changes.IgnoreQueryFilters().AsNoTracking().Where(c => c.TeacherId == id).ToListAsync(ct);
        return rows.OrderBy(c => c.RecordedAt).Select(c => new ChangeDto(c.Id, c.Kind.ToString(), c.EffectiveOn,
            c.FromStatus is { } f ? TeacherCodes.StatusName(f) : null, c.ToStatus is { } t ? TeacherCodes.StatusName(t) : null,
            c.FromSchoolName, c.ToSchoolName, c.Note, c.RecordedAt, c.RecordedByName)).ToList();
    }

    public static async Task<Results<Ok<TeacherDto>, NotFound>> EndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct) =>
        await HandleAsync(db, directory, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<ChangeDto>>> HistoryEndpointAsync(TeachersDbContext db, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HistoryAsync(db, id, ct));

    /// <summary>The caller's own record (a teacher signed in with their linked account).</summary>
    public static async Task<Results<Ok<TeacherDto>, NotFound>> MeEndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var me = db.Actor.UserId;
        var id = me is null ? (Guid?)null : await db.Teachers.Where(t => t.AccountId == me.Value).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        return id is not null && await HandleAsync(db, directory, id.Value, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();
    }
}
