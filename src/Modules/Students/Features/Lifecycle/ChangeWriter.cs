using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Lifecycle;

/// <summary>
/// What every single-student change shares: load the record through the scope filter, check the client's version,
/// check the date against the history, and write the StatusChange row beside the record in one save.
/// </summary>
internal static class ChangeWriter
{
    public const string StaleMessage = "该学生的学籍已被他人修改，请刷新后重试";

    /// <summary>A change may take effect at most this far ahead: a date a year out is a typo, not a plan.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The record, if the caller may see it (404 otherwise, so an out-of-scope id reveals nothing).</summary>
    public static async Task<StudentRecord> LoadAsync(StudentsDbContext db, Guid id, CancellationToken ct) =>
        await db.Students.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("未找到该学生");

    /// <summary>
    /// Refuses a stale version now, and makes the save refuse it too: the UPDATE is conditioned on the version the
    /// client saw, so of two concurrent changes exactly one commits.
    /// </summary>
    public static void ExpectVersion(StudentsDbContext db, StudentRecord record, int? version)
    {
        if (version is null)
        {
            throw ValidationFailedException.For("version", "缺少版本号（version）");
        }
        if (record.Version != version)
        {
            throw new ConflictException("version", StaleMessage);
        }
        db.Entry(record).Property(s => s.Version).OriginalValue = version.Value;
    }

    /// <summary>Not before the latest change in force (the history reads forward), not absurdly far ahead.</summary>
    public static async Task CheckEffectiveOnAsync(StudentsDbContext db, TimeProvider clock, Guid studentId, DateOnly? effectiveOn, Problems problems, CancellationToken ct)
    {
        if (effectiveOn is not { } date)
        {
            problems.Add("effectiveOn", "请填写生效日期");
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        problems.Check(date <= today.AddDays(MaxDaysAhead), "effectiveOn", "生效日期不能晚于一年以后");
        var last = await db.StatusChanges.IgnoreQueryFilters().Where(c => c.StudentId == studentId && c.CancelledByChangeId == null && c.Kind != ChangeKind.Cancellation)
            .MaxAsync(c => (DateOnly?)c.EffectiveOn, ct);
        problems.Check(last is null || date >= last, "effectiveOn", $"生效日期不能早于上一次异动的生效日期（{last:yyyy-MM-dd}）");
    }

    /// <summary>A change row holding the record's state before the change; <see cref="Complete"/> fills in the after.</summary>
    public static StatusChange Begin(StudentsDbContext db, StudentRecord s, ChangeKind kind, string reasonCode, DateOnly effectiveOn, string? note, DateTime now) => new()
    {
        StudentId = s.Id,
        Kind = kind,
        ReasonCode = reasonCode,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        EffectiveOn = effectiveOn,
        FromStatus = s.Status == StatusRules.None ? null : s.Status,
        FromSchoolId = s.SchoolId,
        FromClassId = s.ClassId,
        FromGradeLevel = s.GradeLevel == 0 ? null : s.GradeLevel,
        FromStage = s.GradeLevel == 0 ? null : s.Stage,
        RecordedBy = db.Actor.UserId,
        RecordedByName = db.Actor.DisplayName ?? "",
        RecordedAt = now,
    };

    /// <summary>Copies the record's new state into the change and places the change at the student's (new) school.</summary>
    public static StatusChange Complete(StatusChange c, StudentRecord s)
    {
        c.ToStatus = s.Status;
        c.ToSchoolId = s.SchoolId;
        c.ToClassId = s.ClassId;
        c.ToGradeLevel = s.GradeLevel;
        c.ToStage = s.Stage;
        c.ProvinceCode = s.ProvinceCode;
        c.CityCode = s.CityCode;
        c.CountyCode = s.CountyCode;
        c.SchoolId = s.SchoolId;
        c.ClassId = s.ClassId;
        return c;
    }

    /// <summary>Moves the record into a class (same or another grade of its school) as the directory describes it.</summary>
    public static void PlaceIn(StudentRecord s, ClassPlacement p)
    {
        s.PlaceAt(p.Key);
        s.GradeId = p.GradeId;
        s.Stage = p.Stage;
        s.GradeLevel = p.Level;
        s.EntryYear = p.EntryYear;
        s.UrbanRural = p.UrbanRural;
    }

    /// <summary>Saves; a lost race on the version becomes the same 409 as a stale version.</summary>
    public static async Task SaveAsync(StudentsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", StaleMessage);
        }
    }
}
