using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Scope;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// 重置密码: an administrator gives the account a temporary password, shown once, that must be changed at the
/// next sign-in. The lock is lifted and every existing session and token ends.
/// </summary>
internal static class ResetPassword
{
    public sealed record Response(string TemporaryPassword);

    public static async Task<Response> HandleAsync(IdentityDbContext db, ScopeLoader scopes, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id && a.RetiredAt == null, ct) ?? throw new NotFoundException("未找到该账号");
        var temporary = CreateAccount.NewTemporaryPassword();
        account.PasswordHash = SignInService.HashPassword(temporary);
        account.MustChangePassword = true;
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // The guard refuses this unless the caller manages the account's home node (a person cannot reset their own
        // password this way either: self-service changes go through /me/password with the current password).
        await db.SaveChangesAsync(ct);
        scopes.Forget(id);
        return new Response(temporary);
    }

    public static async Task<Ok<Response>> EndpointAsync(IdentityDbContext db, ScopeLoader scopes, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, scopes, clock, id, ct));
}
