using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Spaces.Domain;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>
/// Turns the addressed classes or schools into one receipt per person at send time: students from the roster, parents
/// through the guardian links of those students, staff from the school's role assignments. A parent of two addressed
/// children gets one receipt naming both. Each receipt is placed where the person was reached (the child's class, the school).
/// </summary>
internal static class ResolveRecipients
{
    public sealed record Recipient(Guid AccountId, string Name, Role Role, ScopeKey Place, List<string> Children);

    public static async Task<List<Recipient>> ForClassesAsync(IPeopleDirectory people, IReadOnlyCollection<Guid> classIds, Audience audience, CancellationToken ct)
    {
        var students = await people.MembersOfClassesAsync(classIds, [Role.Student], ct);
        return await FromStudentsAsync(people, students, audience, ct);
    }

    public static async Task<List<Recipient>> ForSchoolsAsync(IPeopleDirectory people, IReadOnlyCollection<Guid> schoolIds, Audience audience, CancellationToken ct)
    {
        var recipients = new Dictionary<Guid, Recipient>();
        if (audience is Audience.Staff or Audience.Everyone)
        {
            foreach (var m in await people.MembersOfSchoolsAsync(schoolIds, [Role.SchoolAdmin, Role.Teacher], ct))
            {
                recipients.TryAdd(m.AccountId, new Recipient(m.AccountId, m.DisplayName, m.Role, m.Place with { ClassId = null }, []));
            }
        }
        if (audience != Audience.Staff)
        {
            var students = await people.MembersOfSchoolsAsync(schoolIds, [Role.Student], ct);
            foreach (var r in await FromStudentsAsync(people, students, audience == Audience.Everyone ? Audience.ParentsAndStudents : audience, ct))
            {
                recipients.TryAdd(r.AccountId, r);
            }
        }
        return [.. recipients.Values];
    }

    private static async Task<List<Recipient>> FromStudentsAsync(IPeopleDirectory people, IReadOnlyList<PlacedMember> students, Audience audience, CancellationToken ct)
    {
        var recipients = new Dictionary<Guid, Recipient>();
        if (audience is Audience.Students or Audience.ParentsAndStudents)
        {
            foreach (var s in students)
            {
                recipients.TryAdd(s.AccountId, new Recipient(s.AccountId, s.DisplayName, Role.Student, s.Place, []));
            }
        }
        if (audience is Audience.Parents or Audience.ParentsAndStudents)
        {
            var placeOf = students.GroupBy(s => s.AccountId).ToDictionary(g => g.Key, g => g.First().Place);
            foreach (var g in await people.ParentsOfAsync(placeOf.Keys, ct))
            {
                if (!recipients.TryGetValue(g.ParentId, out var parent))
                {
                    recipients[g.ParentId] = parent = new Recipient(g.ParentId, g.ParentName, Role.Parent, placeOf[g.ChildId], []);
                }
                if (!parent.Children.Contains(g.ChildName))
                {
                    parent.Children.Add(g.ChildName);
                }
            }
        }
        return [.. recipients.Values];
    }
}
