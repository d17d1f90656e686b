using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// 停用账号: the account can no longer sign in and its sessions and tokens end. The row stays (一人一号: the
/// identity and its history are kept; the citizen ID stays taken).
/// </summary>
internal static class RetireAccount
{
    public static async Task HandleAsync(IdentityDbContext db, ScopeLoader scopes, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该账号");
        if (account.Id == db.Actor.UserId)
        {
            throw ValidationFailedException.For("id", "不能停用自己的账号");
        }
        if (account.RetiredAt is not null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        account.RetiredAt = now;
        account.UpdatedAt = now;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        scopes.Forget(id);
    }

    public static async Task<NoContent> EndpointAsync(IdentityDbContext db, ScopeLoader scopes, TimeProvider clock, Guid id, CancellationToken ct)
    {
        await HandleAsync(db, scopes, clock, id, ct);
        return TypedResults.NoContent();
    }
}
