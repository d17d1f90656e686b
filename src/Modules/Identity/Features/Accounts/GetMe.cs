using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>Who am I: my account, my roles with the names of their nodes, and (for a parent) my children.</summary>
internal static class GetMe
{
    public sealed record Me(AccountDto Account, IReadOnlyList<NodeRole> Places, IReadOnlyList<Child> Children);

    public sealed record NodeRole(string Role, string RoleName, string NodeName, string? RegionCode, Guid? SchoolId, Guid? ClassId, string? Subject);

    public sealed record Child(Guid Id, string DisplayName, string Relation, string? ClassName, string? SchoolName);

    public static async Task<Me?> HandleAsync(IdentityDbContext db, IOrganizationDirectory directory, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (actor.UserId is not { } id)
        {
            return null;
        }
        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        var roles = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(r => r.AccountId == id).ToListAsync(ct);
        var links = await db.GuardianLinks.IgnoreQueryFilters().AsNoTracking().Where(l => l.ParentId == id).ToListAsync(ct);
        var childIds = links.Select(l => l.ChildId).ToList();
        var children = await db.Accounts.AsNoTracking().Where(a => childIds.Contains(a.Id)).ToListAsync(ct);
        var classIds = roles.Where(r => r.ClassId != null).Select(r => r.ClassId!.Value).Concat(children.Where(c => c.ClassId != null).Select(c => c.ClassId!.Value)).Distinct().ToList();
        var classes = await directory.FindClassesAsync(classIds, ct);
        var places = new List<NodeRole>();
        foreach (var r in roles)
        {
            var name = r.ClassId is { } c && classes.TryGetValue(c, out var cls) ? $"{cls.SchoolName} {cls.GradeName}{cls.Name}"
                : r.SchoolId is { } s ? (await directory.FindSchoolAsync(s, ct))?.Name ?? ""
                : r.RegionCode is { } code ? (await directory.FindRegionAsync(code, ct))?.Name ?? code
                : "全国";
            places.Add(new NodeRole(r.Role.ToString(), r.Role.ChineseName(), name, r.RegionCode, r.SchoolId, r.ClassId, r.Subject));
        }
        var kids = children.Select(c =>
        {
            var cls = c.ClassId is { } cid ? classes.GetValueOrDefault(cid) : null;
            return new Child(c.Id, c.DisplayName, links.First(l => l.ChildId == c.Id).Relation, cls is null ? null : cls.GradeName + cls.Name, cls?.SchoolName);
        }).ToList();
        return new Me(account.ToDto(roles, clock.GetUtcNow().UtcDateTime), places, kids);
    }

    public static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> EndpointAsync(IdentityDbContext db, IOrganizationDirectory directory, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        await HandleAsync(db, directory, actor, clock, ct) is { } me ? TypedResults.Ok(me) : TypedResults.Unauthorized();
}
