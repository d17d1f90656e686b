using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Transfers;

/// <summary>
/// Approves or rejects the next pending step of a transfer. The step row sits at its approver's node, so the scope
/// guard refuses (403, audited) anyone outside it, including a party whose turn has not come. The last approval
/// re-places the teacher at the receiving school, ends the class assignments at the old one and writes the history,
/// all in the same transaction as the approval.
/// </summary>
internal static class DecideTransfer
{
    public sealed record Request(string? Note);

    public static async Task<TransferDto> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, bool approve,
        Request request, CancellationToken ct)
    {
        var transfer = await db.Transfers.IgnoreQueryFilters().Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("未找到该调动");
        if (transfer.Status != TransferStatus.Pending)
        {
            throw new ConflictException("status", "该调动已办结");
        }
        var problems = new Problems().MaxLength(request.Note?.Trim(), 500, "note", "审批意见");
        problems.Check(approve || !string.IsNullOrWhiteSpace(request.Note), "note", "驳回时请填写审批意见");
        problems.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var step = transfer.Steps.OrderBy(s => s.Order).First(s => s.Decision == StepDecision.Pending);
        step.Decision = approve ? StepDecision.Approved : StepDecision.Rejected;
        step.DecidedAt = now;
        step.DecidedByName = db.Actor.DisplayName;
        step.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (!approve)
        {
            transfer.Status = TransferStatus.Rejected;
            transfer.DecidedAt = now;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ForbiddenException)
        {
            await tx.CommitAsync(ct);
            throw;
        }
        if (approve && transfer.Steps.All(s => s.Decision == StepDecision.Approved))
        {
            await CompleteAsync(db, directory, transfer, now, ct);
        }
        await tx.CommitAsync(ct);
        return TransferDto.From(transfer, db.Actor.Scope);
    }

    /// <summary>
    /// The approvals are the authority here, not the last approver's own scope (a receiving bureau does not manage the
    /// sending school), so the move is saved as the platform, still audited.
    /// </summary>
    private static async Task CompleteAsync(TeachersDbContext db, IOrganizationDirectory directory, TeacherTransfer transfer, DateTime now, CancellationToken ct)
    {
        var teacher = await db.Teachers.IgnoreQueryFilters().FirstAsync(t => t.Id == transfer.TeacherId, ct);
        if (teacher.SchoolId != transfer.FromSchoolId || teacher.Status != TeacherStatus.Active)
        {
            throw new ConflictException("status", "教师已不在调出学校在岗，调动无法完成");
        }
        var to = await directory.FindSchoolAsync(transfer.ToSchoolId, ct);
        if (to is null || to.Retired)
        {
            throw new ConflictException("toSchoolId", "调入学校不存在或已撤销");
        }
        var effective = transfer.EffectiveOn;
        foreach (var a in teacher.Assignments.Where(a => a.EndedOn is null))
        {
            a.EndedOn = effective;
        }
        teacher.PlaceAt(to.Key);
        teacher.Touch(now);
        var change = TeacherChange.For(teacher, ChangeKind.Transferred, effective, now, db.Actor.DisplayName);
        change.FromSchoolId = transfer.FromSchoolId;
        change.FromSchoolName = transfer.FromSchoolName;
        change.ToSchoolId = to.Id;
        change.ToSchoolName = to.Name;
        change.TransferId = transfer.Id;
        change.Note = transfer.Reason.Length == 0 ? null : transfer.Reason;
        db.Changes.Add(change);
        transfer.Status = TransferStatus.Completed;
        transfer.DecidedAt = now;
        await db.SaveChangesAsPlatformAsync(ct);
    }

    public static async Task<Ok<TransferDto>> ApproveEndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, Request? request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, true, request ?? new Request(null), ct));

    public static async Task<Ok<TransferDto>> RejectEndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, false, request, ct));
}
