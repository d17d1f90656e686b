namespace EduCloud.Resources.Contracts;

/// <summary>
/// What other modules may ask about resources (一师一优课 entries point at them). It answers for the platform, not for
/// the caller, and describes each resource by its newest version, whatever its review status: callers decide what to
/// allow (an entry may only use the entrant's own resources).
/// </summary>
public interface IResourceLookup
{
    /// <summary>The resources among <paramref name="ids"/> that exist; unknown ids are left out.</summary>
    Task<IReadOnlyList<ResourceSummary>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>A person's own resources, newest first, at most <paramref name="take"/> (pickers).</summary>
    Task<IReadOnlyList<ResourceSummary>> ListOwnedAsync(Guid ownerId, int take, CancellationToken ct);
}

/// <summary>
/// A resource as seen through its newest version. <see cref="CatalogueNodeIds"/> and <see cref="CataloguePath"/> run from
/// the stage down to the chosen textbook catalogue node (学段 / 学科 / 教材版本 / 册 / 章 / 节).
/// </summary>
public sealed record ResourceSummary(Guid Id, string Title, string TypeCode, string TypeName, Guid OwnerId, string Status, string StatusName, bool Published,
    Guid CatalogueNodeId, IReadOnlyList<Guid> CatalogueNodeIds, IReadOnlyList<string> CataloguePath, string StageCode, string SubjectCode, string? GradeCode);
