using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Students.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Students.Features.Transfers;

/// <summary>撤回: the receiving school takes back its request before the last approval.</summary>
internal static class WithdrawTransfer
{
    public static async Task<TransferDto> HandleAsync(StudentsDbContext db, AuditTrail audit, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var transfer = await TransferAccess.FindAsync(db, id, ct);
        if (!db.Actor.Scope.CanManage(transfer.ToKey))
        {
            await audit.RecordAsync(AuditActions.Denied, "Transfer", id.ToString(), AuditOutcome.Denied, "withdraw by a non-receiving party", transfer.ToKey, ct);
            throw new ForbiddenException("只有转入学校可以撤回转学申请");
        }
        transfer.Withdraw(clock.GetUtcNow().UtcDateTime);
        // Verified just above: the caller manages the receiving school, which owns the request.
        await db.SaveChangesAsPlatformAsync(ct);
        return transfer.ToDto(db);
    }

    public static async Task<Ok<TransferDto>> EndpointAsync(StudentsDbContext db, AuditTrail audit, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, audit, clock, id, ct));
}
