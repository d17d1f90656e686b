using System.Collections.Concurrent;

namespace EduCloud.Resources.Search;

/// <summary>
/// Placeholder until the bigram index lands: a linear scan with substring matching and no facets. It keeps the
/// resource features runnable while the index is built beside them; it is not meant to stay.
/// </summary>
internal sealed class ScanResourceSearch : IResourceSearch
{
    private readonly ConcurrentDictionary<Guid, SearchDocument> _documents = new();

    public void Upsert(SearchDocument document) => _documents[document.ResourceId] = document;

    public void Remove(Guid resourceId) => _documents.TryRemove(resourceId, out _);

    public SearchResult Search(SearchQuery query)
    {
        var text = query.Text?.Trim() ?? "";
        var found = _documents.Values
            .Where(d => d.OnlyForSchoolId is null || query.CallerSchoolIds.Contains(d.OnlyForSchoolId.Value))
            .Where(d => text.Length == 0 || d.Title.Contains(text, StringComparison.Ordinal) || d.Description.Contains(text, StringComparison.Ordinal)
                || d.Tags.Any(t => t.Contains(text, StringComparison.Ordinal)) || d.CataloguePathNames.Any(n => n.Contains(text, StringComparison.Ordinal)))
            .OrderByDescending(d => d.PublishedAt)
            .ToList();
        var hits = found.Skip((query.Page - 1) * query.Size).Take(query.Size).Select(d => new SearchHit(d.ResourceId, 1)).ToList();
        return new SearchResult(found.Count, hits, new Dictionary<string, IReadOnlyList<FacetCount>>());
    }
}
