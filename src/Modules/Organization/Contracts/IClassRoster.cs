namespace EduCloud.Organization.Contracts;

/// <summary>
/// How many teachers and students a class has. Accounts belong to Identity, which implements this; Organization asks
/// through it rather than reading Identity's tables. Counts only what the caller may see.
/// </summary>
public interface IClassRoster
{
    Task<ClassRosterCounts> CountAsync(Guid classId, CancellationToken ct);

    /// <summary>The live students of a class by name (a teacher's record of use lists who has not opened yet); through the caller's scope.</summary>
    Task<IReadOnlyList<RosterMember>> ListStudentsAsync(Guid classId, CancellationToken ct);

    /// <summary>
    /// The classes where an account holds a Student assignment. A student's scope holds no classes (students see
    /// rows about themselves), so this answers for the platform; callers ask it about the current account only.
    /// </summary>
    Task<IReadOnlyList<Guid>> StudentClassesAsync(Guid accountId, CancellationToken ct);

    /// <summary>Display names of accounts the caller may see (through the caller's scope: a parent sees their children's); others are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct);
}

public sealed record RosterMember(Guid AccountId, string DisplayName);

public sealed record ClassRosterCounts(int Teachers, int Students);
