using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Spaces;

/// <summary>
/// 班级空间: a class's notices, an activity overview and its members (teachers and students from the organisation tree).
/// Open to the class's teachers, students and their parents, and to administrators who see the class by place. A
/// member sees the notices addressed through the class that they may read (by place, or their own receipts).
/// </summary>
internal static class GetClassSpace
{
    public sealed record NoticeItem(Guid Id, string Title, string SenderName, DateTime SentAt);

    public sealed record MemberItem(Guid AccountId, string DisplayName, string Role, string? Subject);

    public sealed record Activity(int Notices, int MessageThreads, int Teachers, int Students);

    public sealed record Response(Guid Id, string Name, Guid SchoolId, string SchoolName, Activity Activity, IReadOnlyList<NoticeItem> Notices, IReadOnlyList<MemberItem> Members);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IOrganizationDirectory directory, IClassRoster roster, IPeopleDirectory people, Guid id, CancellationToken ct)
    {
        var info = await directory.FindClassAsync(id, ct) ?? throw new NotFoundException("未找到该班级");
        var mine = await People.MyClassesAsync(db.Actor, roster, ct);
        if (!mine.Contains(id) && !db.Actor.Scope.CanRead(info.Key))
        {
            throw new ForbiddenException("您不是该班级的成员");
        }
        var notices = await db.Notices.AsNoTracking()
            .Where(n => db.Targets.Any(t => t.NoticeId == n.Id && t.ClassId == id) || db.Receipts.Any(r => r.NoticeId == n.Id && r.ClassId == id))
            .OrderByDescending(n => n.SentAt).Take(30).Select(n => new NoticeItem(n.Id, n.Title, n.SenderName, n.SentAt)).ToListAsync(ct);
        var members = await people.MembersOfClassesAsync([id], [Role.Teacher, Role.Student], ct);
        var studentIds = members.Where(m => m.Role == Role.Student).Select(m => m.AccountId).Distinct().ToList();
        // Counts of activity, not contents: conversations stay private to their participants.
        var threads = await db.Threads.CountAsync(t => studentIds.Contains(t.ChildId), ct);
        var noticeCount = await db.Targets.CountAsync(t => t.ClassId == id, ct);
        var activity = new Activity(Math.Max(noticeCount, notices.Count), threads, members.Where(m => m.Role == Role.Teacher).Select(m => m.AccountId).Distinct().Count(), studentIds.Count);
        return new Response(info.Id, info.GradeName + info.Name, info.SchoolId, info.SchoolName, activity, notices,
            [.. members.DistinctBy(m => (m.AccountId, m.Role)).OrderBy(m => m.Role).ThenBy(m => m.DisplayName)
                .Select(m => new MemberItem(m.AccountId, m.DisplayName, m.Role.ChineseName(), m.Subject))]);
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, IOrganizationDirectory directory, IClassRoster roster, IPeopleDirectory people, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, roster, people, id, ct));
}
