using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Messages;

/// <summary>Whom I may write to: a parent sees their children's teachers; a teacher the parents of their classes' students.</summary>
internal static class ListContacts
{
    public sealed record Contact(Guid ChildId, string ChildName, Guid AccountId, string Name, string? Subject);

    public static async Task<List<Contact>> HandleAsync(SpacesDbContext db, IClassRoster roster, IPeopleDirectory people, CancellationToken ct)
    {
        var actor = db.Actor;
        var contacts = new List<Contact>();
        var children = actor.Children();
        if (children.Count > 0)
        {
            var names = await people.NamesAsync(children, ct);
            foreach (var child in children)
            {
                foreach (var t in (await People.TeachersOfAsync(child, roster, people, ct)).DistinctBy(t => t.AccountId))
                {
                    contacts.Add(new Contact(child, names.GetValueOrDefault(child, ""), t.AccountId, t.DisplayName, t.Subject));
                }
            }
        }
        if (actor.Is(Role.Teacher) && actor.Scope.Classes.Count > 0)
        {
            var students = await people.MembersOfClassesAsync(actor.Scope.Classes, [Role.Student], ct);
            foreach (var g in await people.ParentsOfAsync([.. students.Select(s => s.AccountId).Distinct()], ct))
            {
                contacts.Add(new Contact(g.ChildId, g.ChildName, g.ParentId, g.ParentName, g.Relation));
            }
        }
        return contacts;
    }

    public static async Task<Ok<List<Contact>>> EndpointAsync(SpacesDbContext db, IClassRoster roster, IPeopleDirectory people, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, roster, people, ct));
}
