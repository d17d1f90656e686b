using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>
/// 关联监护人: links a parent account to a child (the {id} of the route). The link sits where the child sits, so
/// only an administrator who manages the child's home node may make it.
/// </summary>
internal static class LinkGuardian
{
    public sealed record Request(Guid? ParentId, string? Relation);

    public sealed record Response(Guid Id, Guid ParentId, Guid ChildId, string Relation);

    public static async Task<Response> HandleAsync(IdentityDbContext db, ScopeLoader scopes, TimeProvider clock, Guid childId, Request request, CancellationToken ct)
    {
        var problems = new Problems();
        problems.Check(request.ParentId is not null, "parentId", "请指定家长账号");
        problems.MaxLength(request.Relation, 20, "relation", "关系");
        problems.ThrowIfAny();
        var child = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == childId && a.RetiredAt == null, ct) ?? throw new NotFoundException("未找到该学生账号");
        var parent = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.ParentId && a.RetiredAt == null, ct);
        problems.Check(parent is not null, "parentId", "家长账号不存在或不在您的管理范围内");
        problems.Check(parent is null || parent.Id != child.Id, "parentId", "不能将账号关联为自己的监护人");
        problems.ThrowIfAny();
        // The parent must hold the Parent role, or the link would grant nothing (the scope is built from that role).
        if (!await db.Assignments.IgnoreQueryFilters().AnyAsync(a => a.AccountId == parent!.Id && a.Role == Role.Parent, ct))
        {
            throw ValidationFailedException.For("parentId", "该账号没有家长角色，请先授予家长角色");
        }
        if (await db.GuardianLinks.IgnoreQueryFilters().AnyAsync(l => l.ParentId == parent!.Id && l.ChildId == childId, ct))
        {
            throw new ConflictException("parentId", "该家长已与此学生关联");
        }
        var link = GuardianLink.Between(parent!.Id, child, request.Relation, clock.GetUtcNow().UtcDateTime);
        db.GuardianLinks.Add(link);
        await db.SaveChangesAsync(ct);
        scopes.Forget(parent.Id);
        return new Response(link.Id, link.ParentId, link.ChildId, link.Relation);
    }

    public static async Task<Created<Response>> EndpointAsync(IdentityDbContext db, ScopeLoader scopes, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, scopes, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/accounts/{id}/guardians/{response.Id}", response);
    }
}
