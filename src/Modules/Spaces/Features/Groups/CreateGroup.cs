using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Groups;

/// <summary>
/// 建组: a school administrator or teacher sets up a school's subject group (教研组, at their school); a teacher opens a
/// master-teacher studio (名师工作室, across schools). The creator leads it and is its first member.
/// </summary>
internal static class CreateGroup
{
    public sealed record Request(string? Name, string? Kind, string? Subject);

    public sealed record Response(Guid Id, string Name, string Kind);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var me = actor.Me();
        var kind = GroupKind.SubjectGroup;
        new Problems().Required(request.Name, "name", "名称").MaxLength(request.Name?.Trim(), 100, "name", "名称").MaxLength(request.Subject?.Trim(), 20, "subject", "学科")
            .Check(request.Kind is null || (Enum.TryParse(request.Kind, out kind) && Enum.IsDefined(kind)), "kind", "类型应为 SubjectGroup（教研组）或 Studio（名师工作室）")
            .ThrowIfAny();
        Guid? schoolId = null;
        if (kind == GroupKind.Studio)
        {
            if (!actor.Is(Role.Teacher))
            {
                throw new ForbiddenException("名师工作室由教师创建并主持");
            }
        }
        else
        {
            schoolId = actor.Scope.ManagedSchools.FirstOrDefault() is var s && s != Guid.Empty ? s
                : actor.Scope.Classes.Count > 0 ? (await directory.FindClassAsync(actor.Scope.Classes[0], ct))?.SchoolId : null;
            if (schoolId is null)
            {
                throw new ForbiddenException("只有学校管理员或本校教师可以建立教研组");
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var group = new ResearchGroup
        {
            Name = request.Name!.Trim(), Kind = kind, Subject = string.IsNullOrWhiteSpace(request.Subject) ? null : request.Subject.Trim(),
            SchoolId = schoolId, LeaderId = me, LeaderName = actor.DisplayName ?? "", CreatedAt = now,
        };
        db.Groups.Add(group);
        db.Members.Add(new GroupMember { GroupId = group.Id, AccountId = me, DisplayName = group.LeaderName, IsLeader = true, JoinedAt = now });
        await db.SaveChangesAsync(ct);
        return new Response(group.Id, group.Name, group.Kind.ToString());
    }

    public static async Task<Created<Response>> EndpointAsync(SpacesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, directory, clock, request, ct);
        return TypedResults.Created($"/api/v1/spaces/groups/{response.Id}", response);
    }
}
