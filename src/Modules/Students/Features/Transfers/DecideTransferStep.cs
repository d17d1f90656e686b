using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>
/// 审批 / 驳回 the current step of a transfer. Only the step's own administrator decides (its role, at its node);
/// anyone else who can see the transfer gets 403 and the attempt is audited, anyone who cannot see it gets an audited
/// 404. The last approval moves the student (<see cref="CompleteTransfer"/>); a rejection ends the transfer.
/// </summary>
internal static class DecideTransferStep
{
    public sealed record Request(string? Note, int? Version);

    public static async Task<TransferDto> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock,
        Guid id, bool approve, Request request, CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        new Problems()
            .Check(approve || note is not null, "note", "驳回时请填写理由")
            .MaxLength(note, 500, "note", approve ? "审批意见" : "驳回理由")
            .ThrowIfAny();
        var transfer = await TransferAccess.FindAsync(db, id, ct);
        if (request.Version is { } version && version != transfer.Version)
        {
            throw new ConflictException("version", "该转学申请已被他人处理，请刷新后重试");
        }
        var step = transfer.CurrentStep ?? throw new ConflictException("status", "该转学申请已结束，不能再审批");
        if (!step.CanBeDecidedBy(db.Actor.Roles, db.Actor.Scope))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(Transfer), transfer.Id.ToString(), AuditOutcome.Denied,
                $"{(approve ? "approve" : "reject")} step {step.Order} ({step.Role}) outside the approver's node", step.Node, ct);
            throw new ForbiddenException("无权审批该转学步骤");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var name = db.Actor.DisplayName ?? "";
        try
        {
            if (!approve)
            {
                transfer.Reject(db.Actor.UserId, name, note!, now);
                // The right to decide this step was verified just above (role and node), so the platform saves the
                // decision (still audited); the transfer has no place of its own for the kernel to guard.
                await db.SaveChangesAsPlatformAsync(ct);
            }
            else if (!transfer.Approve(db.Actor.UserId, name, note, now))
            {
                await db.SaveChangesAsPlatformAsync(ct);
            }
            else
            {
                await CompleteTransfer.MoveStudentAsync(db, directory, transfer, now, ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", "该转学申请或学生学籍已被他人修改，请刷新后重试");
        }
        return transfer.ToDto(db);
    }

    public static async Task<Ok<TransferDto>> ApproveAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock,
        Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, audit, clock, id, true, request, ct));

    public static async Task<Ok<TransferDto>> RejectAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit, TimeProvider clock,
        Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, audit, clock, id, false, request, ct));
}
