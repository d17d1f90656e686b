using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>
/// 转学申请: the receiving school names the student (number + name), the target class, a reason and the date. The
/// approval chain is fixed now from the two schools' regions. The student stays Enrolled at the sending school.
/// </summary>
internal static class StartTransfer
{
    public sealed record Request(string? StudentNumber, string? Name, Guid? ToClassId, string? ReasonCode, DateOnly? EffectiveOn, string? Note);

    public static async Task<TransferDto> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var number = request.StudentNumber?.Trim().ToUpperInvariant() ?? "";
        var name = request.Name?.Trim() ?? "";
        var problems = new Problems()
            .Required(number, "studentNumber", "学籍号")
            .Required(name, "name", "姓名")
            .Check(request.ToClassId is not null, "toClassId", "请选择转入班级")
            .Check(request.ReasonCode is not null && TransferReasons.All.ContainsKey(request.ReasonCode), "reasonCode", "请选择转学原因")
            .Check(request.EffectiveOn is not null, "effectiveOn", "请填写生效日期")
            .MaxLength(request.Note, 500, "note", "备注");
        problems.ThrowIfAny();

        var target = await directory.FindPlacementAsync(request.ToClassId!.Value, ct);
        if (target is null || target.Retired)
        {
            throw ValidationFailedException.For("toClassId", "未找到该班级");
        }
        // Only the receiving school's administrators (or its bureaus) start a transfer into it. Checked before the
        // student is looked up, so nobody else learns anything about the student.
        if (!db.Actor.Scope.CanManage(target.Key))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(Transfer), "-", AuditOutcome.Denied, "start transfer into a school outside scope", target.Key, ct);
            throw new ForbiddenException();
        }
        var student = await FindStudentForTransfer.FindAsync(db, number, name, ct)
            ?? throw ValidationFailedException.For("studentNumber", "未找到学籍号与姓名相符的学生");
        if (student.Status != EnrolmentStatus.Enrolled || student.SchoolId is null)
        {
            throw new ConflictException("studentNumber", "只有在籍学生可以转学");
        }
        if (student.SchoolId == target.SchoolId)
        {
            throw ValidationFailedException.For("toClassId", "该学生已在本校，请使用调班");
        }
        // Across all schools on purpose (transfers are not scope-filtered): one open transfer per student, whoever started it.
        if (await db.Transfers.AnyAsync(t => t.OpenStudentId == student.Id, ct))
        {
            throw new ConflictException("studentNumber", "该学生已有进行中的转学申请");
        }
        var from = await directory.FindSchoolAsync(student.SchoolId.Value, ct) ?? throw new NotFoundException("未找到转出学校");

        var now = clock.GetUtcNow().UtcDateTime;
        var transfer = new Transfer
        {
            StudentId = student.Id,
            StudentNumber = student.StudentNumber,
            StudentName = student.Name,
            OpenStudentId = student.Id,
            ReasonCode = request.ReasonCode!,
            EffectiveOn = request.EffectiveOn!.Value,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            FromSchoolId = from.Id,
            FromSchoolName = from.Name,
            FromClassId = student.ClassId,
            FromProvinceCode = student.ProvinceCode,
            FromCityCode = student.CityCode,
            FromCountyCode = student.CountyCode,
            ToClassId = target.ClassId,
            ToSchoolName = target.SchoolName,
            ToClassName = target.GradeName + target.ClassName,
            StartedBy = db.Actor.UserId,
            StartedByName = db.Actor.DisplayName ?? "",
            StartedAt = now,
            ToProvinceCode = target.Key.ProvinceCode,
            ToCityCode = target.Key.CityCode,
            ToCountyCode = target.Key.CountyCode,
            ToSchoolId = target.SchoolId,
        };
        transfer.Steps = ApprovalChain.For(ScopeKeyOf(student), transfer.ToKey);
        db.Transfers.Add(transfer);
        db.TransferParties.Add(TransferParty.At(transfer.Id, TransferSide.Sending, transfer.FromKey));
        db.TransferParties.Add(TransferParty.At(transfer.Id, TransferSide.Receiving, transfer.ToKey));
        try
        {
            // The sending party row sits at a school the caller does not manage; the caller's right (to manage the
            // receiving school) was checked above, so the platform writes the request, audited.
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another school started one for this student at the same moment: the unique index kept one.
            throw new ConflictException("studentNumber", "该学生已有进行中的转学申请");
        }
        return transfer.ToDto(db);
    }

    private static Kernel.Scope.ScopeKey ScopeKeyOf(StudentRecord s) => new(s.ProvinceCode, s.CityCode, s.CountyCode, s.SchoolId, null);

    public static async Task<Created<TransferDto>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, directory, audit, clock, request, ct);
        return TypedResults.Created($"/api/v1/student-transfers/{dto.Id}", dto);
    }
}
