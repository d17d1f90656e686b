namespace EduCloud.Organization.Contracts;

/// <summary>
/// How many teachers and students a class has. Accounts belong to Identity, which implements this; Organization asks
/// through it rather than reading Identity's tables. Counts only what the caller may see.
/// </summary>
public interface IClassRoster
{
    Task<ClassRosterCounts> CountAsync(Guid classId, CancellationToken ct);
}

public sealed record ClassRosterCounts(int Teachers, int Students);
