using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Transfers;

/// <summary>
/// 发起调动: the sending or the receiving school starts a transfer. The receiving school cannot see the teacher yet, so
/// the teacher is named by 教师编号 and 姓名 together (both must match; a wrong pair reveals nothing). The starter's own
/// school step is approved at once; the scope guard refuses (403, audited) a starter who manages neither school.
/// </summary>
internal static class StartTransfer
{
    public sealed record Request(string? TeacherNumber, string? TeacherName, Guid? ToSchoolId, string? Reason, DateOnly? EffectiveOn);

    public static async Task<TransferDto> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = new Problems();
        var number = request.TeacherNumber?.Trim() ?? "";
        var teacher = number.Length == 0 ? null : await db.Teachers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.TeacherNumber == number, ct);
        if (teacher is null || teacher.Name != request.TeacherName?.Trim())
        {
            teacher = null;
            problems.Add("teacherNumber", "未找到教师编号与姓名相符的教师");
        }
        var to = request.ToSchoolId is { } tid ? await directory.FindSchoolAsync(tid, ct) : null;
        problems.Check(to is not null && !to.Retired, "toSchoolId", "调入学校不存在或已撤销");
        problems.Check(request.EffectiveOn is not null, "effectiveOn", "请填写调动生效日期");
        problems.MaxLength(request.Reason?.Trim(), 500, "reason", "调动原因");
        if (teacher is not null)
        {
            problems.Check(teacher.Status == TeacherStatus.Active, "teacherNumber", "只有在岗教师可以调动");
            problems.Check(to is null || teacher.SchoolId != to.Id, "toSchoolId", "调入学校与现任学校相同");
        }
        problems.ThrowIfAny();
        if (await db.Transfers.AnyAsync(t => t.TeacherId == teacher!.Id && t.Status == TransferStatus.Pending, ct))
        {
            throw new ConflictException("teacherNumber", "该教师已有审批中的调动");
        }
        var from = await directory.FindSchoolAsync(teacher!.SchoolId!.Value, ct) ?? throw new NotFoundException("未找到该教师所在学校");
        var side = db.Actor.Scope.CanManage(from.Key) ? TransferSide.Sending : TransferSide.Receiving;
        var transfer = new TeacherTransfer
        {
            TeacherId = teacher.Id, TeacherNumber = teacher.TeacherNumber, TeacherName = teacher.Name,
            FromSchoolId = from.Id, FromSchoolName = from.Name, ToSchoolId = to!.Id, ToSchoolName = to.Name,
            StartedBy = side, Reason = request.Reason?.Trim() ?? "", EffectiveOn = request.EffectiveOn!.Value,
            StartedAt = now, StartedByName = db.Actor.DisplayName ?? "",
        };
        var route = TransferRoute.Steps(from.Key, to.Key);
        var steps = route.Select((r, i) => Step(transfer.Id, i + 1, r.Party, r.Place)).ToList();
        var own = steps.Single(s => s.Party == (side == TransferSide.Sending ? TransferParty.SendingSchool : TransferParty.ReceivingSchool));
        own.Decision = StepDecision.Approved;
        own.DecidedAt = now;
        own.DecidedByName = transfer.StartedByName;
        // Order the starter's school first, then the other school, then the bureaus.
        var ordered = steps.Where(s => s == own).Concat(steps.Where(s => s != own)).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        transfer.Steps.Add(own);
        db.Transfers.Add(transfer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ForbiddenException)
        {
            // The guard discarded the change and wrote the refusal: keep that audit line.
            await tx.CommitAsync(ct);
            throw;
        }
        // The other parties' steps sit outside the starter's scope by design; the starter's right was checked above.
        db.TransferSteps.AddRange(ordered.Where(s => s != own));
        await db.SaveChangesAsPlatformAsync(ct);
        await tx.CommitAsync(ct);
        return TransferDto.From(transfer, db.Actor.Scope);
    }

    private static TransferStep Step(Guid transferId, int order, TransferParty party, Kernel.Scope.ScopeKey place) => new()
    {
        TransferId = transferId, Order = order, Party = party,
        ProvinceCode = place.ProvinceCode, CityCode = place.CityCode, CountyCode = place.CountyCode, SchoolId = place.SchoolId,
    };

    public static async Task<Created<TransferDto>> EndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, directory, clock, request, ct);
        return TypedResults.Created($"/api/v1/teachers/transfers/{dto.Id}", dto);
    }
}
