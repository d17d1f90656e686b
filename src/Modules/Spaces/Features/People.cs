using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;

namespace EduCloud.Spaces.Features;

/// <summary>
/// Who the caller is to classes and children: a teacher's classes are in their scope; a parent's children are the
/// other people of their scope; a child's classes come from the roster. Spaces rows are mostly addressed to people,
/// so these relations (not places) decide who may message whom and who belongs to a class space.
/// </summary>
internal static class People
{
    public static Guid Me(this ICurrentActor actor) => actor.UserId ?? throw new ForbiddenException("请先登录");

    public static bool Is(this ICurrentActor actor, Role role) => actor.Roles.Contains(role);

    /// <summary>A parent's children (their scope's people other than themselves); none for anyone else.</summary>
    public static IReadOnlyList<Guid> Children(this ICurrentActor actor) =>
        actor.Is(Role.Parent) ? actor.Scope.People.Where(p => p != actor.UserId).ToList() : [];

    /// <summary>The classes a person belongs to as teacher, student or parent of a student there.</summary>
    public static async Task<HashSet<Guid>> MyClassesAsync(ICurrentActor actor, IClassRoster roster, CancellationToken ct)
    {
        var classes = actor.Scope.Classes.ToHashSet();
        if (actor.Is(Role.Student))
        {
            classes.UnionWith(await roster.StudentClassesAsync(actor.Me(), ct));
        }
        foreach (var child in actor.Children())
        {
            classes.UnionWith(await roster.StudentClassesAsync(child, ct));
        }
        return classes;
    }

    /// <summary>The teachers of a child (teachers at any of the child's classes).</summary>
    public static async Task<IReadOnlyList<PlacedMember>> TeachersOfAsync(Guid childId, IClassRoster roster, IPeopleDirectory people, CancellationToken ct)
    {
        var classes = await roster.StudentClassesAsync(childId, ct);
        return classes.Count == 0 ? [] : await people.MembersOfClassesAsync(classes, [Role.Teacher], ct);
    }
}
