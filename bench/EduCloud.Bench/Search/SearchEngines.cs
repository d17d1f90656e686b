using EduCloud.Resources.Search;

namespace EduCloud.Bench.Search;

/// <summary>One engine under test: index the same documents, answer the same queries (top 20 by relevance + total).</summary>
internal interface ISearchEngine : IAsyncDisposable
{
    string Name { get; }

    /// <summary>What this engine does beyond top-20 + total, for the notes column.</summary>
    string Work { get; }

    Task IndexAsync(IReadOnlyList<SearchDocument> docs);

    long Search(string text, bool filtered);
}

/// <summary>The product's engine, as the Resources module registers it.</summary>
internal sealed class OwnEngine : ISearchEngine
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFilters = new Dictionary<string, IReadOnlyList<string>>();
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _filters = GenerateResources.FilterQuery();

    public BigramResourceSearch Index { get; } = new();
    public string Name => "EduCloud bigram index";
    public string Work => "top 20 + total + 8 facet counts";

    public Task IndexAsync(IReadOnlyList<SearchDocument> docs)
    {
        foreach (var d in docs)
        {
            Index.Upsert(d);
        }
        return Task.CompletedTask;
    }

    public long Search(string text, bool filtered) =>
        Index.Search(new SearchQuery(text, filtered ? _filters : NoFilters, SearchSort.Relevance, 1, 20, [])).Total;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The tokens our analyser gives, as text: the bigram-tokenised columns of the SQL baselines.</summary>
internal static class BigramTokens
{
    public static (string Title, string Body) Of(SearchDocument d)
    {
        var title = new Dictionary<Term, int>();
        var body = new Dictionary<Term, int>();
        var length = 0;
        AnalyzeText.AddDocumentTerms(d.Title, 1, title, ref length);
        AnalyzeText.AddDocumentTerms(d.Description, 1, body, ref length);
        foreach (var text in d.Tags.Concat(d.CataloguePathNames))
        {
            AnalyzeText.AddDocumentTerms(text, 1, body, ref length);
        }
        return (string.Join(' ', title.Keys.Select(t => t.Text)), string.Join(' ', body.Keys.Select(t => t.Text)));
    }

    public static List<string> Query(string text) => AnalyzeText.QueryTerms(text).Select(t => t.Text).ToList();
}
