using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Duplicates;

/// <summary>
/// The owning bureau resolves a case: keep one record (the other is withdrawn, 退学 with reason 91 重复学籍, through a
/// status change) or mark the pair "not a duplicate". Only that bureau's own administrators may; a bureau that sees the
/// case from above gets an audited 403, anyone else an audited 404.
/// </summary>
internal static class ResolveDuplicate
{
    /// <summary>重复学籍注销.</summary>
    public const string DuplicateReason = "91";

    public sealed record Request(Guid? KeepStudentId, bool NotDuplicate, string? Note);

    public static async Task HandleAsync(StudentsDbContext db, AuditTrail audit, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        new Problems().MaxLength(note, 500, "note", "说明").ThrowIfAny();
        var c = await db.DuplicateCases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("未找到该重复学籍案件");
        if (!c.CanBeResolvedBy(db.Actor.Roles, db.Actor.Scope))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(DuplicateCase), id.ToString(), AuditOutcome.Denied, "resolve by a non-owning bureau",
                new Kernel.Scope.ScopeKey(c.ProvinceCode, c.CityCode, c.CountyCode, null, null), ct);
            throw new ForbiddenException("只有负责该案件的教育行政部门可以处理");
        }
        if (c.Status != DuplicateStatus.Open)
        {
            throw new ConflictException("status", "该案件已处理");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        c.ResolvedBy = db.Actor.UserId;
        c.ResolvedByName = db.Actor.DisplayName;
        c.ResolvedAt = now;
        c.Note = note;
        if (request.NotDuplicate)
        {
            c.Status = DuplicateStatus.NotDuplicate;
            await db.SaveChangesAsync(ct);
            return;
        }
        if (request.KeepStudentId != c.StudentAId && request.KeepStudentId != c.StudentBId)
        {
            throw ValidationFailedException.For("keepStudentId", "请选择要保留的学籍");
        }
        var dropId = request.KeepStudentId == c.StudentAId ? c.StudentBId : c.StudentAId;
        // The bureau is above both schools, so the scope filter shows it both records and the kernel lets it change them.
        var drop = await db.Students.FirstOrDefaultAsync(s => s.Id == dropId, ct) ?? throw new NotFoundException("未找到该学生");
        c.Status = DuplicateStatus.Merged;
        c.KeptStudentId = request.KeepStudentId;
        c.ReasonCode = DuplicateReason;
        if (drop.Status is EnrolmentStatus.Enrolled or EnrolmentStatus.Suspended)
        {
            db.StatusChanges.Add(new StatusChange
            {
                StudentId = drop.Id,
                Kind = ChangeKind.Withdrawal,
                ReasonCode = DuplicateReason,
                Note = note ?? "重复学籍",
                EffectiveOn = DateOnly.FromDateTime(now),
                FromStatus = drop.Status,
                ToStatus = EnrolmentStatus.Withdrawn,
                FromSchoolId = drop.SchoolId,
                FromClassId = drop.ClassId,
                FromGradeLevel = drop.GradeLevel,
                FromStage = drop.Stage,
                BatchId = c.Id,
                RecordedBy = db.Actor.UserId,
                RecordedByName = db.Actor.DisplayName ?? "",
                RecordedAt = now,
                ProvinceCode = drop.ProvinceCode,
                CityCode = drop.CityCode,
                CountyCode = drop.CountyCode,
                SchoolId = drop.SchoolId,
                ClassId = drop.ClassId,
            });
            drop.Status = EnrolmentStatus.Withdrawn;
            drop.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "学籍已被他人修改，请刷新后重试");
        }
    }

    public static async Task<NoContent> EndpointAsync(StudentsDbContext db, AuditTrail audit, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        await HandleAsync(db, audit, clock, id, request, ct);
        return TypedResults.NoContent();
    }
}
