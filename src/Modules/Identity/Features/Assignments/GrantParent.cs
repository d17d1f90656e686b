using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>
/// 授予家长角色: the page's one-step form for a parent. The child is named by login name and must be visible to the
/// caller; the Parent role is granted where the child sits (unless the parent already holds it there), then the two
/// accounts are linked. Both steps go through GrantRole and LinkGuardian, so their checks and audit apply.
/// </summary>
internal static class GrantParent
{
    public static async Task HandleAsync(IdentityDbContext db, IOrganizationDirectory directory, ScopeLoader scopes, AuditTrail audit, TimeProvider clock,
        Guid parentId, string? childUserName, string? relation, CancellationToken ct)
    {
        var problems = new Problems();
        problems.Required(childUserName, "childUserName", "子女的登录名");
        problems.ThrowIfAny();
        var child = await db.Accounts.AsNoTracking().Where(a => a.UserName == childUserName && a.RetiredAt == null).Select(a => new { a.Id }).FirstOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For("childUserName", "未找到该子女账号，或不在您的管理范围内");
        var place = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.AccountId == child.Id && a.Role == Role.Student)
            .Select(a => new { a.SchoolId, a.ClassId }).FirstOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For("childUserName", "该账号不是学生账号");
        var held = await db.Assignments.IgnoreQueryFilters().AnyAsync(a => a.AccountId == parentId && a.Role == Role.Parent
            && a.SchoolId == place.SchoolId && a.ClassId == place.ClassId, ct);
        if (!held)
        {
            await GrantRole.HandleAsync(db, directory, scopes, audit, clock, parentId,
                new GrantRole.Request(nameof(Role.Parent), null, place.SchoolId, place.ClassId, null), ct);
        }
        await LinkGuardian.HandleAsync(db, scopes, clock, child.Id, new LinkGuardian.Request(parentId, string.IsNullOrWhiteSpace(relation) ? "监护人" : relation.Trim()), ct);
    }
}
