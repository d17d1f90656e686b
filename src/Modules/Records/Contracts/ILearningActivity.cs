namespace EduCloud.Records.Contracts;

/// <summary>
/// How much the learning spaces are used, per school, for monitoring (网络学习空间 activation): aggregates only,
/// never a statement or a learner. Reads what the caller may see (the platform sees every school).
/// </summary>
public interface ILearningActivity
{
    /// <summary>
    /// The time of the latest stored (not voided) statement whose learner sits at each school; a school without any
    /// statement is absent. <paramref name="schoolIds"/> null = every school the caller may see.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, DateTimeOffset>> LastActivityBySchoolAsync(IReadOnlyCollection<Guid>? schoolIds, CancellationToken ct);
}
