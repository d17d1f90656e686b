using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>撤销角色: removes one role assignment. Same rules as granting: node in managed scope, rank not above one's own.</summary>
internal static class RevokeRole
{
    public static async Task HandleAsync(IdentityDbContext db, ScopeLoader scopes, AuditTrail audit, Guid accountId, Guid assignmentId, CancellationToken ct)
    {
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.AccountId == accountId, ct)
            ?? throw new NotFoundException("未找到该角色");
        if (!RoleRank.MayGrant(db.Actor, assignment.Role))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(Domain.RoleAssignment), assignmentId.ToString(), AuditOutcome.Denied, $"revoke {assignment.Role} above own rank",
                assignment.Key, ct);
            throw new ForbiddenException("不能撤销高于本人级别的角色");
        }
        if (accountId == db.Actor.UserId && RoleRank.Of(assignment.Role) is not null)
        {
            // Removing one's own administrator role could leave a region with nobody to manage it by accident.
            throw ValidationFailedException.For("assignmentId", "不能撤销自己的管理员角色");
        }
        db.Assignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        scopes.Forget(accountId);
    }

    public static async Task<NoContent> EndpointAsync(IdentityDbContext db, ScopeLoader scopes, AuditTrail audit, Guid id, Guid assignmentId, CancellationToken ct)
    {
        await HandleAsync(db, scopes, audit, id, assignmentId, ct);
        return TypedResults.NoContent();
    }
}
