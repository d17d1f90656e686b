using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Groups;

/// <summary>加入成员: the leader adds a teacher by user name; a subject group takes teachers of its own school only.</summary>
internal static class AddMember
{
    public sealed record Request(string? UserName);

    public sealed record Response(Guid AccountId, string DisplayName);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IAccountPlacement placement, IPeopleDirectory people, TimeProvider clock, Guid groupId, Request request, CancellationToken ct)
    {
        var group = await GroupAccess.LeaderOfAsync(db, groupId, ct);
        new Problems().Required(request.UserName, "userName", "用户名").ThrowIfAny();
        var account = await placement.FindByUserNameAsync(request.UserName!.Trim(), ct) ?? throw ValidationFailedException.For("userName", "没有这个用户");
        var teaching = (await people.PlacesOfAsync(account.Id, ct)).Where(p => p.Role == Role.Teacher).ToList();
        if (teaching.Count == 0)
        {
            throw ValidationFailedException.For("userName", "只能加入教师");
        }
        if (group.SchoolId is { } school && !teaching.Any(t => t.Place.SchoolId == school))
        {
            throw ValidationFailedException.For("userName", "教研组只能加入本校教师");
        }
        if (await db.Members.AnyAsync(m => m.GroupId == groupId && m.AccountId == account.Id, ct))
        {
            throw new ConflictException("userName", "该教师已是成员");
        }
        var member = new GroupMember { GroupId = groupId, AccountId = account.Id, DisplayName = teaching[0].DisplayName, JoinedAt = clock.GetUtcNow().UtcDateTime };
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return new Response(member.AccountId, member.DisplayName);
    }

    public static async Task<Created<Response>> EndpointAsync(SpacesDbContext db, IAccountPlacement placement, IPeopleDirectory people, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, placement, people, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/spaces/groups/{id}", response);
    }
}
