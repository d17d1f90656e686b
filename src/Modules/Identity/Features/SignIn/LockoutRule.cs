namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// 账号锁定: after <see cref="MaxFailures"/> wrong passwords in a row the account is locked for
/// <see cref="LockoutFor"/>; while locked, even the right password is refused. The count restarts after a lock.
/// </summary>
internal static class LockoutRule
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    public static bool IsLocked(DateTime? lockedUntil, DateTime now) => lockedUntil is { } until && until > now;

    /// <summary>The counter and lock after one more wrong password.</summary>
    public static (int FailedSignIns, DateTime? LockedUntil) AfterFailure(int failedSignIns, DateTime? lockedUntil, DateTime now)
    {
        var failures = failedSignIns + 1;
        return failures >= MaxFailures ? (0, now + LockoutFor) : (failures, lockedUntil);
    }
}
