using System.Collections.Concurrent;

namespace EduCloud.Resources.Search;

/// <summary>
/// One generation of the in-memory inverted index: term → <see cref="PostingList"/>, the document columns, and the
/// corpus statistics BM25 needs. Documents get increasing internal ids, so every posting list stays sorted by
/// plain appending; a re-published resource gets a new id and its old row is marked dead.
/// All writes happen under <see cref="BigramResourceSearch"/>'s writer lock; readers take a snapshot by reading
/// <see cref="MaxDoc"/> first and ignore ids at or above it, which makes each query see whole documents only.
/// </summary>
internal sealed class BigramIndex
{
    private readonly ConcurrentDictionary<Term, int> _termIds = new();
    private readonly ConcurrentDictionary<Guid, int> _schoolOrdinals = new();
    private readonly Dictionary<Guid, int> _docOfResource = []; // writer only
    private PostingList?[] _postings;
    private DocumentColumns _docs;
    private int _maxDoc;
    private long _liveCount;
    private long _lengthSum;

    public BigramIndex(int capacity = 1024)
    {
        _postings = new PostingList?[Math.Max(capacity / 4, 256)];
        _docs = new DocumentColumns(Math.Max(capacity, 16));
    }

    public FacetVocabulary[] Vocabularies { get; } = Enumerable.Range(0, DocumentColumns.FacetSlots).Select(_ => new FacetVocabulary()).ToArray();

    public int MaxDoc => Volatile.Read(ref _maxDoc);
    public DocumentColumns Docs => Volatile.Read(ref _docs);
    public long LiveCount => Volatile.Read(ref _liveCount);
    public int DeadCount => _maxDoc - (int)_liveCount;
    public double AverageLength => Math.Max(1, (double)Volatile.Read(ref _lengthSum) / Math.Max(1, LiveCount));

    public PostingList? Postings(Term term) =>
        _termIds.TryGetValue(term, out var id) ? Volatile.Read(ref _postings)[id] : null;

    public bool TryGetSchool(Guid school, out int ordinal) => _schoolOrdinals.TryGetValue(school, out ordinal);

    public int TermCount => _termIds.Count;

    /// <summary>Writer only: appends the document and publishes it; an older row of the same resource dies first.</summary>
    public void Add(SearchDocument d, Dictionary<Term, int> frequencies, int length)
    {
        var doc = _maxDoc;
        var docs = _docs;
        if (doc == docs.Capacity)
        {
            docs = docs.Grown(doc, doc < 1 << 20 ? doc * 2 : doc + doc / 4);
        }
        docs.ResourceIds[doc] = d.ResourceId;
        var codes = Facets.CodesOf(d);
        for (var f = 0; f < DocumentColumns.FacetSlots; f++)
        {
            docs.FacetOrdinals[doc * DocumentColumns.FacetSlots + f] = Vocabularies[f].GetOrAdd(codes[f]);
        }
        docs.SchoolOrdinals[doc] = d.OnlyForSchoolId is { } school ? _schoolOrdinals.GetOrAdd(school, _ => _schoolOrdinals.Count + 1) : 0;
        if (docs.SchoolOrdinals[doc] != 0)
        {
            docs.Screen(doc);
        }
        docs.PublishedTicks[doc] = d.PublishedAt.UtcTicks;
        docs.UseCounts[doc] = d.UseCount;
        docs.Ratings[doc] = (float)d.RatingAverage;
        docs.RatingCounts[doc] = d.RatingCount;
        docs.Lengths[doc] = (ushort)Math.Min(length, ushort.MaxValue);
        docs.Alive[doc] = true;
        // The older row of the same resource dies BEFORE the new one is published: a reader whose snapshot
        // (MaxDoc) includes the new row then never sees the old one too. A reader in between may briefly see
        // neither, never both. Both column arrays get the flag when the row array has just grown.
        Kill(d.ResourceId, docs);
        // The row is readable before any posting names it: a tallied query subtracts rows past its snapshot by
        // their facets (FacetTally), so whatever a posting list holds must already have its columns published.
        Volatile.Write(ref _docs, docs);
        var ordinals = docs.FacetOrdinals.AsSpan(doc * DocumentColumns.FacetSlots, DocumentColumns.FacetSlots);
        var rowLength = docs.Lengths[doc];
        foreach (var (term, frequency) in frequencies)
        {
            var list = PostingFor(term);
            if (list.Tally is null && list.Count + 1 >= FacetTally.MinPostings)
            {
                list.Tally = FacetTally.Of(list, docs);
            }
            if (list.Tally is { } tally)
            {
                tally.Append(list, doc, frequency, rowLength, ordinals);
            }
            else
            {
                list.Append(doc, frequency, rowLength);
            }
        }
        Volatile.Write(ref _maxDoc, doc + 1);
        _docOfResource[d.ResourceId] = doc;
        Volatile.Write(ref _liveCount, _liveCount + 1);
        Volatile.Write(ref _lengthSum, _lengthSum + docs.Lengths[doc]);
    }

    /// <summary>Writer only: marks the resource's row dead; its postings stay until the next compaction.</summary>
    public bool Kill(Guid resourceId) => Kill(resourceId, _docs);

    /// <summary>Also flags the row in <paramref name="docs"/>, the grown column arrays an Add is about to publish.</summary>
    private bool Kill(Guid resourceId, DocumentColumns docs)
    {
        if (!_docOfResource.Remove(resourceId, out var doc))
        {
            return false;
        }
        _docs.Alive[doc] = false;
        docs.Alive[doc] = false;
        _docs.Screen(doc);
        docs.Screen(doc);
        Volatile.Write(ref _liveCount, _liveCount - 1);
        Volatile.Write(ref _lengthSum, _lengthSum - docs.Lengths[doc]);
        return true;
    }

    /// <summary>
    /// Writer only: a new generation without the dead rows, with trimmed arrays. Readers keep using this generation
    /// until the new one is swapped in; nothing here mutates what they read.
    /// </summary>
    public BigramIndex Compacted()
    {
        var docs = _docs;
        var newIds = new int[_maxDoc];
        var live = 0;
        for (var d = 0; d < _maxDoc; d++)
        {
            newIds[d] = docs.Alive[d] ? live++ : -1;
        }
        var next = new BigramIndex(Math.Max(live, 16));
        for (var d = 0; d < _maxDoc; d++)
        {
            if (newIds[d] >= 0)
            {
                DocumentColumns.CopyRows(docs, d, next._docs, newIds[d], 1);
                next._docOfResource[docs.ResourceIds[d]] = newIds[d];
                next._lengthSum += docs.Lengths[d];
            }
        }
        for (var f = 0; f < DocumentColumns.FacetSlots; f++)
        {
            foreach (var code in Vocabularies[f].Codes.Skip(1))
            {
                next.Vocabularies[f].GetOrAdd(code); // same order, so the copied ordinals keep their meaning
            }
        }
        foreach (var (school, ordinal) in _schoolOrdinals)
        {
            next._schoolOrdinals[school] = ordinal;
        }
        var postings = new List<PostingList>(_termIds.Count);
        foreach (var (term, id) in _termIds)
        {
            if (_postings[id]?.Compacted(newIds) is { } list)
            {
                if (list.Count >= FacetTally.MinPostings)
                {
                    list.Tally = FacetTally.Of(list, next._docs);
                }
                next._termIds[term] = postings.Count;
                postings.Add(list);
            }
        }
        next._postings = postings.ToArray();
        next._maxDoc = live;
        next._liveCount = live;
        return next;
    }

    private PostingList PostingFor(Term term)
    {
        if (_termIds.TryGetValue(term, out var id))
        {
            return _postings[id]!;
        }
        id = _termIds.Count;
        var postings = _postings;
        if (id == postings.Length)
        {
            Array.Resize(ref postings, Math.Max(256, postings.Length * 2));
        }
        var list = new PostingList();
        postings[id] = list;
        // The list and the array holding it are published before the term becomes findable.
        Volatile.Write(ref _postings, postings);
        _termIds[term] = id;
        return list;
    }
}
