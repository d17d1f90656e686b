namespace EduCloud.Resources.Search;

/// <summary>
/// Chinese full-text search over published resources: an in-memory inverted index of character unigrams and
/// bigrams (<see cref="AnalyzeText"/>), BM25-ranked (<see cref="RunQuery"/>), with facets, filters, sorts and paging.
///
/// Concurrency: one writer at a time (a plain lock; analysing the text happens before taking it), readers never
/// lock. Writers only append (new ids, posting entries, column rows) and publish with volatile writes in an order
/// that lets a reader take a consistent snapshot from one number, <see cref="BigramIndex.MaxDoc"/>; an Upsert is
/// visible to the next search as soon as it returns (no refresh interval). Removal flips a flag. Dead rows are
/// dropped by compaction into a new generation, built on a pool thread under the writer lock when a quarter of
/// the rows are dead, then swapped in with one reference write: searches in flight finish on the old generation.
/// </summary>
internal sealed class BigramResourceSearch : IResourceSearch
{
    private const int CompactAtDeadRows = 10_000;
    private readonly Lock _writer = new();
    private BigramIndex _index = new();
    private int _compacting;

    [ThreadStatic]
    private static Dictionary<Term, int>? t_frequencies;

    /// <summary>Weights per field (BM25F-style, folded into one frequency): a title hit counts most, the body least.</summary>
    public const int TitleWeight = 3, TagWeight = 2, CatalogueWeight = 2, DescriptionWeight = 1;

    public int DocumentCount => (int)Volatile.Read(ref _index).LiveCount;

    public int TermCount => Volatile.Read(ref _index).TermCount;

    public void Upsert(SearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var frequencies = t_frequencies ??= [];
        frequencies.Clear();
        var length = 0;
        AnalyzeText.AddDocumentTerms(document.Title, TitleWeight, frequencies, ref length);
        AnalyzeText.AddDocumentTerms(document.Description, DescriptionWeight, frequencies, ref length);
        foreach (var tag in document.Tags ?? [])
        {
            AnalyzeText.AddDocumentTerms(tag, TagWeight, frequencies, ref length);
        }
        foreach (var name in document.CataloguePathNames ?? [])
        {
            AnalyzeText.AddDocumentTerms(name, CatalogueWeight, frequencies, ref length);
        }
        foreach (var node in document.CatalogueNodeIds ?? [])
        {
            frequencies[Term.ForNode(node)] = 0; // a filter term: found, never scored
        }
        lock (_writer)
        {
            _index.Add(document, frequencies, length);
            CompactIfWorthIt();
        }
        if (frequencies.Count > 4096)
        {
            t_frequencies = null; // do not keep a huge scratch table alive after one huge document
        }
    }

    public void Remove(Guid resourceId)
    {
        lock (_writer)
        {
            if (_index.Kill(resourceId))
            {
                CompactIfWorthIt();
            }
        }
    }

    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunQuery.Execute(Volatile.Read(ref _index), query);
    }

    /// <summary>Drops dead rows and trims slack now (after a bulk load, in tests); searches carry on meanwhile.</summary>
    public void Compact()
    {
        lock (_writer)
        {
            Volatile.Write(ref _index, _index.Compacted());
        }
    }

    private void CompactIfWorthIt()
    {
        var dead = _index.DeadCount;
        if (dead >= CompactAtDeadRows && dead * 4 >= _index.MaxDoc && Interlocked.Exchange(ref _compacting, 1) == 0)
        {
            // Writers wait for the compaction (about a second per million rows); readers do not.
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                try
                {
                    Compact();
                }
                finally
                {
                    Volatile.Write(ref _compacting, 0);
                }
            }, null);
        }
    }
}
