using System.Security.Cryptography;
using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Identity.Features.Assignments;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// An administrator opens a real-name account with its first role. The account must change its password
/// at first sign-in. A parent account is linked to its children in the same step.
/// </summary>
internal static class CreateAccount
{
    public sealed record Request(
        string? UserName, string? DisplayName, string? CitizenId, string? Phone, string? Password,
        string? Role, string? RegionCode, Guid? SchoolId, Guid? ClassId, string? Subject, Guid[]? ChildIds, string? Relation);

    public sealed record Response(AccountDto Account, string? TemporaryPassword);

    public static Task<Response> HandleAsync(IdentityDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock, Request request, CancellationToken ct) =>
        HandleAsync(db, directory, protector, clock, request, mustChangePassword: true, ct);

    /// <summary>
    /// Only the platform itself (demo seeding, test fixtures, the CLI) may open an account that needs no
    /// password change at first sign-in; an administrator's accounts always must change it.
    /// </summary>
    public static async Task<Response> HandleAsync(IdentityDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock, Request request, bool mustChangePassword, CancellationToken ct)
    {
        if (!mustChangePassword && !db.Actor.Scope.IsSystem)
        {
            throw new ForbiddenException();
        }
        var problems = new Problems();
        var userName = PersonalFields.CheckUserName(request.UserName, problems);
        PersonalFields.CheckName(request.DisplayName, problems);
        var citizenId = PersonalFields.CheckCitizenId(request.CitizenId, problems);
        var phone = PersonalFields.CheckPhone(request.Phone, problems);
        var password = request.Password;
        if (!string.IsNullOrEmpty(password))
        {
            var passwordError = PasswordPolicy.Check(password, userName);
            problems.Check(passwordError is null, "password", passwordError ?? "");
        }
        var role = Enum.TryParse<Role>(request.Role, true, out var r) && Enum.IsDefined(r) ? r : (Role?)null;
        problems.Check(role is not null, "role", "角色无效");
        var children = request.ChildIds ?? [];
        problems.Check(role != Role.Parent || children.Length > 0, "childIds", "家长账号必须关联至少一名学生");
        problems.MaxLength(request.Subject, 20, "subject", "任教学科");
        problems.MaxLength(request.Relation, 20, "relation", "关系");
        problems.ThrowIfAny();

        var childRows = await db.Accounts.Where(a => children.Contains(a.Id)).ToListAsync(ct);
        problems.Check(childRows.Count == children.Distinct().Count(), "childIds", "关联的学生不存在或不在您的管理范围内");
        var firstChild = childRows.FirstOrDefault();
        var node = new RoleNode(role!.Value, request.RegionCode, role == Role.Parent ? firstChild?.SchoolId : request.SchoolId,
            role == Role.Parent ? firstChild?.ClassId : request.ClassId, request.Subject);
        var key = await NodePlacement.ResolveAsync(directory, node, problems, ct);
        problems.ThrowIfAny();

        var normalizedUserName = userName.ToUpperInvariant();
        if (await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.NormalizedUserName == normalizedUserName, ct))
        {
            throw new ConflictException("userName", $"用户名“{userName}”已被使用");
        }
        var hash = protector.Hash(citizenId!.Value);
        if (await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.CitizenIdHash == hash, ct))
        {
            throw new ConflictException("citizenId", "该公民身份号码已有账号（一人一号）");
        }

        var temporary = string.IsNullOrEmpty(password) ? NewTemporaryPassword() : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new Account
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = SignInService.HashPassword(password ?? temporary!),
            MustChangePassword = mustChangePassword,
            CreatedAt = now,
            UpdatedAt = now,
        };
        PersonalFields.Store(account, citizenId, phone, protector);
        account.PlaceAt(key);
        var assignment = new RoleAssignment { AccountId = account.Id, Role = role.Value, RegionCode = node.RegionCode, Subject = node.Subject, CreatedAt = now };
        assignment.PlaceAt(key, role.Value);
        db.Accounts.Add(account);
        db.Assignments.Add(assignment);
        foreach (var child in childRows)
        {
            db.GuardianLinks.Add(GuardianLink.Between(account.Id, child, request.Relation, now));
        }
        await db.SaveChangesAsync(ct);
        return new Response(account.ToDto([assignment], now), temporary);
    }

    public static string NewTemporaryPassword() =>
        "Edu" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "x";

    public static async Task<Created<Response>> EndpointAsync(IdentityDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, directory, protector, clock, request, ct);
        return TypedResults.Created($"/api/v1/accounts/{response.Account.Id}", response);
    }
}
