using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Registry;

/// <summary>
/// Edits a teacher record, its class assignments (those left out end today) and its status (在岗/调出/退休/离岗).
/// The caller sends the Version they loaded; an older one is a 409, so a second administrator cannot silently
/// overwrite the first. A status change is written to the history. A request without a citizen ID keeps the stored
/// one (the edit page never sees the full number, only its mask).
/// </summary>
internal static class UpdateTeacher
{
    public sealed record Request(int? Version, string? Status, string? Name, string? CitizenId, string? Sex, DateOnly? BirthDate, string? Ethnicity,
        string? Education, string? Title, string[]? Subjects, QualificationInput[]? Qualifications, AssignmentInput[]? Assignments, Guid? AccountId)
    {
        internal TeacherFields Fields => new(Name, CitizenId, Sex, BirthDate, Ethnicity, Education, Title, Subjects, Qualifications, Assignments, AccountId);
    }

    public static async Task<TeacherDto> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock,
        Guid id, Request request, CancellationToken ct)
    {
        var teacher = await db.Teachers.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("未找到该教师");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var problems = new Problems();
        problems.Check(request.Version is not null, "version", "缺少版本号");
        TeacherStatus? status = null;
        if (request.Status is { Length: > 0 } s)
        {
            status = Enum.TryParse<TeacherStatus>(s, true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : Enum.GetValues<TeacherStatus>().Cast<TeacherStatus?>().FirstOrDefault(x => TeacherCodes.StatusName(x!.Value) == s);
            problems.Check(status is not null, "status", "任职状态应为在岗、调出、退休或离岗");
        }
        if (request.Version is { } v && v != teacher.Version)
        {
            throw new ConflictException("version", "该教师档案已被他人修改，请刷新后重试");
        }
        var fields = string.IsNullOrWhiteSpace(request.CitizenId) ? request.Fields with { CitizenId = protector.Unprotect(teacher.CitizenIdCipher) } : request.Fields;
        await TeacherInput.ApplyAsync(teacher, fields, teacher.SchoolId!.Value, directory, protector, today, problems, ct);
        if (await db.Teachers.IgnoreQueryFilters().AnyAsync(t => t.Id != id && t.CitizenIdHash == teacher.CitizenIdHash, ct))
        {
            throw new ConflictException("citizenId", "该公民身份号码已有教师档案");
        }
        if (teacher.AccountId != Guid.Empty && await db.Teachers.IgnoreQueryFilters().AnyAsync(t => t.Id != id && t.AccountId == teacher.AccountId, ct))
        {
            throw new ConflictException("accountId", "该账号已关联其他教师档案");
        }
        if (status is { } to && to != teacher.Status)
        {
            var change = TeacherChange.For(teacher, ChangeKind.StatusChanged, today, now, db.Actor.DisplayName);
            change.FromStatus = teacher.Status;
            change.ToStatus = to;
            db.Changes.Add(change);
            teacher.Status = to;
            if (to != TeacherStatus.Active)
            {
                // A teacher who leaves the post stops teaching their classes that day.
                foreach (var a in teacher.Assignments.Where(a => a.EndedOn is null))
                {
                    a.EndedOn = today;
                }
            }
        }
        teacher.Touch(now);
        // Version is a concurrency token: a change that raced past the check above still fails here (409).
        await db.SaveChangesAsync(ct);
        var school = await directory.FindSchoolAsync(teacher.SchoolId!.Value, ct);
        return TeacherDto.From(teacher, school?.Name ?? "");
    }

    public static async Task<Ok<TeacherDto>> EndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock,
        Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, protector, clock, id, request, ct));
}
