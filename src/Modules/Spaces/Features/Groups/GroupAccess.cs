using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Groups;

/// <summary>A group's content is for its members: anyone else gets 404, as if the group did not exist.</summary>
internal static class GroupAccess
{
    public static async Task<ResearchGroup> MemberOfAsync(SpacesDbContext db, Guid groupId, CancellationToken ct)
    {
        var me = db.Actor.Me();
        return await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && db.Members.Any(m => m.GroupId == groupId && m.AccountId == me), ct)
            ?? throw new NotFoundException("未找到该教研组");
    }

    public static async Task<ResearchGroup> LeaderOfAsync(SpacesDbContext db, Guid groupId, CancellationToken ct)
    {
        var group = await MemberOfAsync(db, groupId, ct);
        return group.LeaderId == db.Actor.UserId ? group : throw new ForbiddenException("只有组长（主持人）可以管理成员");
    }

    public static string KindName(GroupKind kind) => kind == GroupKind.Studio ? "名师工作室" : "教研组";
}
