namespace EduCloud.Kernel.Audit;

/// <summary>
/// One line of the audit trail: who did what to which record, from where, with what outcome.
/// It names changed fields but never stores their values, so personal data cannot leak into it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Details { get; set; } = "";
    public string? ClientAddress { get; set; }
    public AuditOutcome Outcome { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
}

public enum AuditOutcome
{
    Success = 0,
    Denied = 1,
    Failed = 2,
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string ReadPersonalData = "read-personal-data";
    public const string Denied = "denied";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string PasswordChanged = "password-changed";
}
