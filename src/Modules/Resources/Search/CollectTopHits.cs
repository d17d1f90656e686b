namespace EduCloud.Resources.Search;

/// <summary>
/// Keeps the best k documents for one sort in a bounded heap (worst on top), so a query over a million matches
/// never sorts them all. Every order ends in the resource id, which never changes when a resource is re-indexed:
/// equal keys always come out in the same order, and paging through a stable result repeats and skips nothing.
/// </summary>
internal sealed class CollectTopHits(SearchSort sort, int k, DocumentColumns docs)
{
    private readonly PriorityQueue<(int Doc, double Score), Key> _heap = new(k + 1, WorstFirst.Instance);

    private double _worstFirst = double.NegativeInfinity;

    /// <summary>The first key a document must reach to enter the page (lets the caller skip the call).</summary>
    public double Threshold => _worstFirst;

    public void Offer(int doc, double score)
    {
        // Most matches of a big result cannot enter a full heap: reject them on the first key alone, without
        // building the full key (which reads the 16-byte resource id).
        if (k == 0 || FirstKey(doc, score) < _worstFirst)
        {
            return;
        }
        var key = KeyOf(doc, score);
        if (_heap.Count < k)
        {
            _heap.Enqueue((doc, score), key);
        }
        else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0)
        {
            _heap.DequeueEnqueue((doc, score), key);
        }
        if (_heap.Count == k && _heap.TryPeek(out _, out var least))
        {
            _worstFirst = least.First;
        }
    }

    private double FirstKey(int doc, double score) => sort switch
    {
        SearchSort.Newest => docs.PublishedTicks[doc],
        SearchSort.MostUsed => docs.UseCounts[doc],
        SearchSort.BestRated => docs.Ratings[doc],
        _ => score,
    };

    /// <summary>The page's hits, best first.</summary>
    public List<SearchHit> Page(int skip, int take)
    {
        var all = new (int Doc, double Score)[_heap.Count];
        for (var i = all.Length - 1; i >= 0; i--)
        {
            all[i] = _heap.Dequeue();
        }
        return all.Skip(skip).Take(take).Select(h => new SearchHit(docs.ResourceIds[h.Doc], Math.Round(h.Score, 4))).ToList();
    }

    private Key KeyOf(int doc, double score) => sort switch
    {
        SearchSort.Newest => new Key(docs.PublishedTicks[doc], 0, 0, docs.ResourceIds[doc]),
        SearchSort.MostUsed => new Key(docs.UseCounts[doc], docs.PublishedTicks[doc], 0, docs.ResourceIds[doc]),
        SearchSort.BestRated => new Key(docs.Ratings[doc], docs.RatingCounts[doc], docs.PublishedTicks[doc], docs.ResourceIds[doc]),
        _ => new Key(score, docs.PublishedTicks[doc], 0, docs.ResourceIds[doc]),
    };

    private readonly record struct Key(double First, double Second, double Third, Guid Id);

    /// <summary>Orders keys from worst to best: lower values are worse, and on full ties the larger id is worse.</summary>
    private sealed class WorstFirst : IComparer<Key>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Key a, Key b)
        {
            var c = a.First.CompareTo(b.First);
            if (c == 0)
            {
                c = a.Second.CompareTo(b.Second);
            }
            if (c == 0)
            {
                c = a.Third.CompareTo(b.Third);
            }
            return c != 0 ? c : b.Id.CompareTo(a.Id);
        }
    }
}
