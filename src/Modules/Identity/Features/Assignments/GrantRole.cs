using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>
/// 授予角色: gives an account a role at a node. Two rules apply: the node must be inside the caller's managed
/// scope (the SaveChanges guard checks the assignment row, which sits at the node), and nobody may grant an
/// administrator role above their own rank (a county administrator cannot make a province administrator).
/// </summary>
internal static class GrantRole
{
    public sealed record Request(string? Role, string? RegionCode, Guid? SchoolId, Guid? ClassId, string? Subject);

    public static async Task<AssignmentDto> HandleAsync(IdentityDbContext db, IOrganizationDirectory directory, ScopeLoader scopes, AuditTrail audit, TimeProvider clock, Guid accountId, Request request,
        CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.RetiredAt == null, ct)
            ?? throw new NotFoundException("未找到该账号");
        var problems = new Problems();
        var role = Enum.TryParse<Role>(request.Role, true, out var r) && Enum.IsDefined(r) ? r : (Role?)null;
        problems.Check(role is not null, "role", "角色无效");
        problems.MaxLength(request.Subject, 20, "subject", "任教学科");
        problems.ThrowIfAny();
        if (!RoleRank.MayGrant(db.Actor, role!.Value))
        {
            // Refused before any row is written, so the scope guard never sees it: audit the attempt here.
            await audit.RecordAsync(AuditActions.Denied, nameof(RoleAssignment), accountId.ToString(), AuditOutcome.Denied, $"grant {role.Value} above own rank", ct: ct);
            throw new ForbiddenException($"不能授予高于本人级别的角色（{role.Value.ChineseName()}）");
        }
        var node = new RoleNode(role.Value, request.RegionCode, request.SchoolId, request.ClassId, request.Subject?.Trim());
        var key = await NodePlacement.ResolveAsync(directory, node, problems, ct);
        problems.ThrowIfAny();
        var regionCode = role is Role.ProvinceAdmin or Role.CityAdmin or Role.CountyAdmin or Role.ResourceReviewer ? request.RegionCode : null;
        var duplicate = await db.Assignments.IgnoreQueryFilters().AnyAsync(a => a.AccountId == accountId && a.Role == role
            && a.RegionCode == regionCode && a.SchoolId == key.SchoolId && a.ClassId == key.ClassId && a.Subject == node.Subject, ct);
        if (duplicate)
        {
            throw new ConflictException("role", "该账号在此位置已有这个角色");
        }
        var assignment = new RoleAssignment { AccountId = accountId, RegionCode = regionCode, Subject = node.Subject, CreatedAt = clock.GetUtcNow().UtcDateTime };
        assignment.PlaceAt(key, role.Value);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        scopes.Forget(accountId);
        return assignment.ToDto();
    }

    public static async Task<Created<AssignmentDto>> EndpointAsync(IdentityDbContext db, IOrganizationDirectory directory, ScopeLoader scopes, AuditTrail audit, TimeProvider clock, Guid id,
        Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, directory, scopes, audit, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/accounts/{id}/roles/{dto.Id}", dto);
    }
}

/// <summary>The administrative ranks, national highest. Roles that administer nothing have no rank.</summary>
internal static class RoleRank
{
    public static int? Of(Role role) => role switch
    {
        Role.NationalAdmin => 1,
        Role.ProvinceAdmin => 2,
        Role.CityAdmin => 3,
        Role.CountyAdmin => 4,
        Role.SchoolAdmin => 5,
        _ => null,
    };

    /// <summary>An administrator role may be granted only by someone of the same rank or higher; other roles by any administrator in scope.</summary>
    public static bool MayGrant(ICurrentActor actor, Role role)
    {
        if (actor.Scope.IsSystem || Of(role) is not { } wanted)
        {
            return true;
        }
        var own = actor.Roles.Select(Of).Where(r => r is not null).Min();
        return own is not null && own <= wanted;
    }
}
