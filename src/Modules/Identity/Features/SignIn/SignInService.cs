using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.SignIn;

public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

/// <summary>
/// Checks a user name and password, with lockout: after <see cref="MaxFailures"/> wrong passwords in a row
/// the account is locked for <see cref="LockoutFor"/>. Used by the sign-in page and the OIDC password grant.
/// Passwords are hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2).
/// </summary>
internal sealed class SignInService(IdentityDbContext db, TimeProvider clock, AuditTrail audit)
{
    public const int MaxFailures = LockoutRule.MaxFailures;
    public static readonly TimeSpan LockoutFor = LockoutRule.LockoutFor;
    private static readonly PasswordHasher<Account> Hasher = new();

    public sealed record Result(SignInOutcome Outcome, Account? Account, DateTime? LockedUntil = null);

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    public static bool VerifyPassword(Account account, string? password) =>
        !string.IsNullOrEmpty(password) && Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    public async Task<Result> CheckAsync(string? userName, string? password, CancellationToken ct)
    {
        var normalized = (userName ?? "").Trim().ToUpperInvariant();
        var account = await db.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (account is null || account.RetiredAt is not null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, nameof(Account), "", AuditOutcome.Failed, "unknown user", ct: ct);
            return new Result(SignInOutcome.InvalidCredentials, null);
        }
        var where = ScopeKey.Of(account);
        if (LockoutRule.IsLocked(account.LockedUntil, now))
        {
            var until = account.LockedUntil!.Value;
            await audit.RecordAsync(AuditActions.LockedOut, nameof(Account), account.Id.ToString(), AuditOutcome.Denied, "", where, ct);
            return new Result(SignInOutcome.LockedOut, null, until);
        }
        var verified = VerifyPassword(account, password);
        if (!verified)
        {
            (account.FailedSignIns, account.LockedUntil) = LockoutRule.AfterFailure(account.FailedSignIns, account.LockedUntil, now);
            await SaveAsSystemAsync(ct);
            var locked = LockoutRule.IsLocked(account.LockedUntil, now);
            await audit.RecordAsync(locked ? AuditActions.LockedOut : AuditActions.SignInFailed, nameof(Account), account.Id.ToString(), AuditOutcome.Failed, "", where, ct);
            return locked ? new Result(SignInOutcome.LockedOut, null, account.LockedUntil) : new Result(SignInOutcome.InvalidCredentials, null);
        }
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await SaveAsSystemAsync(ct);
        await audit.RecordAsync(AuditActions.SignIn, nameof(Account), account.Id.ToString(), AuditOutcome.Success, "", where, ct);
        return new Result(SignInOutcome.Succeeded, account);
    }

    /// <summary>
    /// Sign-in bookkeeping is the platform's own write, not the (anonymous) caller's, so it bypasses the scope guard.
    /// Only the counters were changed, so only they are written, and nothing at all when they already were zero.
    /// </summary>
    private Task SaveAsSystemAsync(CancellationToken ct) => db.SaveChangesAsPlatformAsync(ct);
}
