using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Identity.Features.Scope;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// 修改密码: the signed-in person changes their own password (the current one is required). This clears the
/// first-sign-in obligation and changes the security stamp, so every other session and token ends.
/// </summary>
internal static class ChangeOwnPassword
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    public static async Task<Account> HandleAsync(IdentityDbContext db, ScopeLoader scopes, AuditTrail audit, TimeProvider clock, Request request, CancellationToken ct)
    {
        var id = db.Actor.UserId ?? throw new ForbiddenException("请先登录");
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id && a.RetiredAt == null, ct) ?? throw new NotFoundException();
        var problems = new Problems();
        problems.Check(SignInService.VerifyPassword(account, request.CurrentPassword), "currentPassword", "当前密码不正确");
        var policy = PasswordPolicy.Check(request.NewPassword, account.UserName);
        problems.Check(policy is null, "newPassword", policy ?? "");
        problems.Check(policy is not null || request.NewPassword != request.CurrentPassword, "newPassword", "新密码不能与当前密码相同");
        problems.ThrowIfAny();

        account.PasswordHash = SignInService.HashPassword(request.NewPassword!);
        account.MustChangePassword = false;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        scopes.Forget(id);
        await audit.RecordAsync(AuditActions.PasswordChanged, nameof(Account), id.ToString(), AuditOutcome.Success, "", ScopeKey.Of(account), ct);
        return account;
    }

    public static async Task<NoContent> EndpointAsync(IdentityDbContext db, ScopeLoader scopes, AuditTrail audit, TimeProvider clock, Request request, CancellationToken ct)
    {
        await HandleAsync(db, scopes, audit, clock, request, ct);
        return TypedResults.NoContent();
    }
}
