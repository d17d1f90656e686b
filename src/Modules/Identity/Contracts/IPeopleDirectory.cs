using EduCloud.Kernel.Scope;

namespace EduCloud.Identity.Contracts;

/// <summary>
/// Who holds which role where, and who the parents of which students are: what spaces need to address notices and to
/// check that a parent and a teacher share a child. It answers for the platform, not for the caller (names and ids,
/// no personal data), so callers decide first that the caller may address those classes or schools.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>Live accounts holding one of <paramref name="roles"/> at any of the classes.</summary>
    Task<IReadOnlyList<PlacedMember>> MembersOfClassesAsync(IReadOnlyCollection<Guid> classIds, IReadOnlyCollection<Role> roles, CancellationToken ct);

    /// <summary>Live accounts holding one of <paramref name="roles"/> at any of the schools (or at a class of them).</summary>
    Task<IReadOnlyList<PlacedMember>> MembersOfSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, IReadOnlyCollection<Role> roles, CancellationToken ct);

    /// <summary>The live parents (guardian links) of the students.</summary>
    Task<IReadOnlyList<GuardianOf>> ParentsOfAsync(IReadOnlyCollection<Guid> studentIds, CancellationToken ct);

    /// <summary>Display names of live accounts; unknown or retired ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct);

    /// <summary>The role assignments of one live account (what a person is, and where).</summary>
    Task<IReadOnlyList<PlacedMember>> PlacesOfAsync(Guid accountId, CancellationToken ct);
}

/// <summary>One role of one account at one node.</summary>
public sealed record PlacedMember(Guid AccountId, string DisplayName, Role Role, ScopeKey Place, string? Subject);

/// <summary>A parent of a student, with the relation (父亲, 母亲, ...).</summary>
public sealed record GuardianOf(Guid ParentId, string ParentName, Guid ChildId, string ChildName, string Relation);
