using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Spaces;

/// <summary>
/// 学校空间: the school's notices (addressed to the whole school, or from the bureau), an activity overview and its
/// staff. Open to administrators who see the school by place and to the school's own teachers, students and parents.
/// </summary>
internal static class GetSchoolSpace
{
    public sealed record Activity(int Notices, int Classes, int Staff, int Students, int ResearchGroups);

    public sealed record Response(Guid Id, string Name, Activity Activity, IReadOnlyList<GetClassSpace.NoticeItem> Notices,
        IReadOnlyList<GetClassSpace.MemberItem> Staff, IReadOnlyList<ClassInfo> Classes);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IOrganizationDirectory directory, IClassRoster roster, IPeopleDirectory people, Guid id, CancellationToken ct)
    {
        var school = await directory.FindSchoolAsync(id, ct) ?? throw new NotFoundException("未找到该学校");
        var myClasses = await People.MyClassesAsync(db.Actor, roster, ct);
        var classes = await directory.ListClassesAsync([id], ct);
        var placed = (await people.PlacesOfAsync(db.Actor.Me(), ct)).Any(p => p.Place.SchoolId == id);
        if (!db.Actor.Scope.CanRead(school.Key) && !placed && !classes.Any(c => myClasses.Contains(c.Id)))
        {
            throw new ForbiddenException("您不是该学校的成员");
        }
        var notices = await db.Notices.AsNoTracking()
            .Where(n => db.Targets.Any(t => t.NoticeId == n.Id && t.SchoolId == id && t.ClassId == null)
                || db.Receipts.Any(r => r.NoticeId == n.Id && r.SchoolId == id && r.ClassId == null))
            .OrderByDescending(n => n.SentAt).Take(30).Select(n => new GetClassSpace.NoticeItem(n.Id, n.Title, n.SenderName, n.SentAt)).ToListAsync(ct);
        var staff = await people.MembersOfSchoolsAsync([id], [Role.SchoolAdmin, Role.Teacher], ct);
        var students = (await people.MembersOfSchoolsAsync([id], [Role.Student], ct)).Select(s => s.AccountId).Distinct().Count();
        var groups = await db.Groups.CountAsync(g => g.SchoolId == id, ct);
        var noticeCount = await db.Targets.Where(t => t.SchoolId == id).Select(t => t.NoticeId).Distinct().CountAsync(ct);
        var staffItems = staff.DistinctBy(m => (m.AccountId, m.Role)).OrderBy(m => m.Role).ThenBy(m => m.DisplayName)
            .Select(m => new GetClassSpace.MemberItem(m.AccountId, m.DisplayName, m.Role.ChineseName(), m.Subject)).DistinctBy(m => (m.AccountId, m.Role)).ToList();
        var activity = new Activity(Math.Max(noticeCount, notices.Count), classes.Count, staff.Select(s => s.AccountId).Distinct().Count(), students, groups);
        return new Response(school.Id, school.Name, activity, notices, staffItems, classes);
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, IOrganizationDirectory directory, IClassRoster roster, IPeopleDirectory people, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, roster, people, id, ct));
}
