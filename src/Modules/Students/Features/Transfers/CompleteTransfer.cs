using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>
/// The last approval: in ONE transaction the student record is re-placed at the receiving school (the row moves, it
/// is never copied, so the student is never in two schools or in none), a Transfer status change is written, the
/// transfer is closed and the census of both schools moves (StudentsDbContext keeps it in the same transaction).
/// </summary>
internal static class CompleteTransfer
{
    public static async Task MoveStudentAsync(StudentsDbContext db, IOrganizationDirectory directory, Transfer transfer, DateTime now, CancellationToken ct)
    {
        var target = await directory.FindPlacementAsync(transfer.ToClassId, ct);
        if (target is null || target.Retired)
        {
            throw new ConflictException("toClassId", "转入班级已撤销，请驳回后重新申请");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The final approver may manage neither school's student rows (a receiving bureau): read past the filter, the
        // right to decide was verified by the caller.
        var student = await db.Students.IgnoreQueryFilters().FirstAsync(s => s.Id == transfer.StudentId, ct);
        if (student.Status != EnrolmentStatus.Enrolled || student.SchoolId != transfer.FromSchoolId)
        {
            throw new ConflictException("status", "学生的学籍状态或学校已变化，不能完成转学");
        }
        var change = new StatusChange
        {
            StudentId = student.Id,
            Kind = ChangeKind.Transfer,
            ReasonCode = transfer.ReasonCode,
            Note = transfer.Note,
            EffectiveOn = transfer.EffectiveOn,
            FromStatus = student.Status,
            ToStatus = EnrolmentStatus.Enrolled,
            FromSchoolId = student.SchoolId,
            ToSchoolId = target.SchoolId,
            FromClassId = student.ClassId,
            ToClassId = target.ClassId,
            FromGradeLevel = student.GradeLevel,
            ToGradeLevel = target.Level,
            FromStage = student.Stage,
            ToStage = target.Stage,
            BatchId = transfer.Id,
            RecordedBy = db.Actor.UserId,
            RecordedByName = db.Actor.DisplayName ?? "",
            RecordedAt = now,
            ProvinceCode = target.Key.ProvinceCode,
            CityCode = target.Key.CityCode,
            CountyCode = target.Key.CountyCode,
            SchoolId = target.SchoolId,
            ClassId = target.ClassId,
        };
        student.PlaceAt(target.Key);
        student.GradeId = target.GradeId;
        student.Stage = target.Stage;
        student.GradeLevel = target.Level;
        student.EntryYear = target.EntryYear;
        student.UrbanRural = target.UrbanRural;
        student.UpdatedAt = now;
        db.StatusChanges.Add(change);
        // Saving a row at a school outside the final approver's managed scope: the approval right was checked by
        // DecideTransferStep (role and node of the step) before we got here, so the platform writes it, audited.
        await db.SaveChangesAsPlatformAsync(ct);
        await db.CommitAsync(tx, ct);
    }
}
