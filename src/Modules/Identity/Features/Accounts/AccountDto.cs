using EduCloud.Identity.Domain;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>An account as lists and details show it: personal data masked, never in clear.</summary>
public sealed record AccountDto(
    Guid Id,
    string UserName,
    string DisplayName,
    string CitizenIdMasked,
    string? PhoneMasked,
    string Sex,
    DateOnly? BirthDate,
    bool MustChangePassword,
    bool Locked,
    bool Retired,
    IReadOnlyList<AssignmentDto> Roles);

public sealed record AssignmentDto(Guid Id, string Role, string RoleName, string? RegionCode, Guid? SchoolId, Guid? ClassId, string? Subject);

internal static class AccountProjection
{
    public static AccountDto ToDto(this Account a, IEnumerable<RoleAssignment> roles, DateTime now) => new(
        a.Id, a.UserName, a.DisplayName, a.CitizenIdMasked, a.PhoneMasked, a.Sex.ToString(), a.BirthDate,
        a.MustChangePassword, a.LockedUntil > now, a.RetiredAt is not null,
        roles.Select(r => r.ToDto()).ToList());

    public static AssignmentDto ToDto(this RoleAssignment r) => new(
        r.Id, r.Role.ToString(), Kernel.Scope.Roles.ChineseName(r.Role), r.RegionCode, r.SchoolId, r.ClassId, r.Subject);
}
