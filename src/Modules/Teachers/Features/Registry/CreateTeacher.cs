using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Registry;

/// <summary>
/// 教师建档: registers a teacher at a school. The teacher number is issued (see TeacherNumber) unless one from the
/// national system is given. The scope guard refuses a school outside the caller's management (403, audited).
/// </summary>
internal static class CreateTeacher
{
    public sealed record Request(Guid? SchoolId, string? TeacherNumber, string? Name, string? CitizenId, string? Sex, DateOnly? BirthDate, string? Ethnicity,
        string? Education, string? Title, string[]? Subjects, QualificationInput[]? Qualifications, AssignmentInput[]? Assignments, Guid? AccountId)
    {
        internal TeacherFields Fields => new(Name, CitizenId, Sex, BirthDate, Ethnicity, Education, Title, Subjects, Qualifications, Assignments, AccountId);
    }

    public static async Task<TeacherDto> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var problems = new Problems();
        var school = request.SchoolId is { } sid ? await directory.FindSchoolAsync(sid, ct) : null;
        problems.Check(school is not null, "schoolId", "学校不存在");
        problems.Check(school is null || !school.Retired, "schoolId", "学校已撤销");
        var number = request.TeacherNumber?.Trim();
        if (!string.IsNullOrEmpty(number))
        {
            problems.Check(Domain.TeacherNumber.Validate(number) is null, "teacherNumber", Domain.TeacherNumber.Validate(number) ?? "");
        }
        var teacher = new TeacherRecord { CreatedAt = now, UpdatedAt = now };
        await TeacherInput.ApplyAsync(teacher, request.Fields, request.SchoolId ?? Guid.Empty, directory, protector, today, problems, ct);
        problems.ThrowIfAny();

        teacher.PlaceAt(school!.Key);
        if (await db.Teachers.IgnoreQueryFilters().AnyAsync(t => t.CitizenIdHash == teacher.CitizenIdHash, ct))
        {
            throw new ConflictException("citizenId", "该公民身份号码已有教师档案，请办理调动而非重复建档");
        }
        if (teacher.AccountId != Guid.Empty && await db.Teachers.IgnoreQueryFilters().AnyAsync(t => t.AccountId == teacher.AccountId, ct))
        {
            throw new ConflictException("accountId", "该账号已关联其他教师档案");
        }
        if (string.IsNullOrEmpty(number))
        {
            number = await IssueNumberAsync(db, school.Key.CountyCode, today.Year, ct);
        }
        else if (await db.Teachers.IgnoreQueryFilters().AnyAsync(t => t.TeacherNumber == number, ct))
        {
            throw new ConflictException("teacherNumber", "教师编号已被使用");
        }
        teacher.TeacherNumber = number;
        db.Teachers.Add(teacher);
        var change = TeacherChange.For(teacher, ChangeKind.Registered, today, now, db.Actor.DisplayName);
        change.ToStatus = teacher.Status;
        change.ToSchoolId = school.Id;
        change.ToSchoolName = school.Name;
        db.Changes.Add(change);
        // The unique index is the last word if two registrations race for one number or person.
        await db.SaveChangesAsync(ct);
        return TeacherDto.From(teacher, school.Name);
    }

    /// <summary>The next sequence for this county and year, read across every school (the numbers are national).</summary>
    internal static async Task<string> IssueNumberAsync(TeachersDbContext db, string countyCode, int year, CancellationToken ct)
    {
        var prefix = countyCode + year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.Teachers.IgnoreQueryFilters().Where(t => t.TeacherNumber.StartsWith(prefix))
            .OrderByDescending(t => t.TeacherNumber).Select(t => t.TeacherNumber).FirstOrDefaultAsync(ct);
        var sequence = last is null ? 1 : int.Parse(last.AsSpan(10, 5), System.Globalization.CultureInfo.InvariantCulture) + 1;
        return Domain.TeacherNumber.Compose(countyCode, year, sequence);
    }

    public static async Task<Created<TeacherDto>> EndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, directory, protector, clock, request, ct);
        return TypedResults.Created($"/api/v1/teachers/{dto.Id}", dto);
    }
}
