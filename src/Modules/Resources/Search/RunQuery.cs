namespace EduCloud.Resources.Search;

/// <summary>
/// One search over one index generation: intersect the posting lists of all query terms (shortest list drives,
/// the others are searched by galloping), keep the documents that are alive, visible to the caller and pass the
/// filters, score them with BM25 over the field-weighted frequencies, count their facets (the whole matching set,
/// before paging) and keep the top page. Lock-free: it reads MaxDoc first and ignores anything appended later.
/// </summary>
internal static class RunQuery
{
    /// <summary>The deepest hit served (page × size), as in most search engines: deeper pages come back empty.</summary>
    public const int MaxWindow = 10_000;
    public const int MaxPageSize = 100;
    private const double K1 = 1.2, B = 0.75;

    public static SearchResult Execute(BigramIndex index, SearchQuery query)
    {
        var maxDoc = index.MaxDoc; // the snapshot: read before any other part of the index
        var docs = index.Docs;
        var size = Math.Clamp(query.Size, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var filters = CompileFilters.Compile(index, query, maxDoc);
        var lists = new List<Scored>();
        var terms = AnalyzeText.QueryTerms(query.Text);
        if (filters.MatchesNothing)
        {
            return Empty();
        }
        if (terms.Count == 1 && !filters.FiltersFacets && filters.NodeDocs is null && index.Postings(terms[0]) is { Tally: { } tally } big)
        {
            Span<int> widths = stackalloc int[DocumentColumns.FacetSlots];
            for (var f = 0; f < DocumentColumns.FacetSlots; f++)
            {
                widths[f] = index.Vocabularies[f].Codes.Length;
            }
            return ScanTallied(index, docs, maxDoc, query, filters, tally.Snapshot(big, widths), size, page);
        }
        foreach (var term in terms)
        {
            if (index.Postings(term) is not { } postings)
            {
                return Empty();
            }
            var read = postings.Read();
            lists.Add(new Scored(read.Ids, read.Frequencies, read.Lengths, read.Count, Idf(index.MaxDoc, read.Count)));
        }
        if (filters.NodeDocs is { } nodeDocs)
        {
            lists.Add(new Scored(nodeDocs, null, null, nodeDocs.Length, 0));
        }
        var sort = query.Sort == SearchSort.Relevance && lists.All(l => l.Frequencies is null) ? SearchSort.Newest : query.Sort;
        var window = (long)page * size <= MaxWindow ? page * size : 0;
        var top = new CollectTopHits(sort, window, docs);
        // One flat counter array for all facets (facet f's ordinal o at offsets[f] + o): one bounds-checked array
        // in the hottest loop instead of eight.
        var offsets = new int[DocumentColumns.FacetSlots + 1];
        for (var f = 0; f < DocumentColumns.FacetSlots; f++)
        {
            offsets[f + 1] = offsets[f] + index.Vocabularies[f].Codes.Length;
        }
        var counts = new int[offsets[^1]];
        var ordinals = docs.FacetOrdinals;
        long total = 0;
        var relevance = sort == SearchSort.Relevance;
        var averageLength = index.AverageLength;
        var lengthNorms = LengthNorms(averageLength);
        var (o1, o2, o3, o4, o5, o6, o7) = (offsets[1], offsets[2], offsets[3], offsets[4], offsets[5], offsets[6], offsets[7]);

        void Accept(int doc, double score)
        {
            total++;
            var row = doc * DocumentColumns.FacetSlots;
            counts[ordinals[row]]++; // unrolled over the 8 facet slots: this runs once per matching document
            counts[o1 + ordinals[row + 1]]++;
            counts[o2 + ordinals[row + 2]]++;
            counts[o3 + ordinals[row + 3]]++;
            counts[o4 + ordinals[row + 4]]++;
            counts[o5 + ordinals[row + 5]]++;
            counts[o6 + ordinals[row + 6]]++;
            counts[o7 + ordinals[row + 7]]++;
            if (!relevance || score >= top.Threshold)
            {
                top.Offer(doc, score);
            }
        }

        double NormOf(ushort length) =>
            length < lengthNorms.Length ? lengthNorms[length] : K1 * (1 - B + B * length / averageLength);

        if (lists.Count == 0)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if (docs.Alive[doc] && filters.Passes(docs, doc))
                {
                    Accept(doc, 0); // browsing by filters only: a sequential walk, the columns are read in order
                }
            }
        }
        else
        {
            lists.Sort((a, b) => a.Count.CompareTo(b.Count));
            var required = lists.ToArray();
            var driver = required[0];
            if (required.Length == 1 && driver.Frequencies is { } only && driver.Lengths is { } lengths)
            {
                // One term (every 1- and 2-character query): no intersection, the tightest loop.
                var weight = driver.Idf * (K1 + 1);
                for (var i = 0; i < driver.Count && driver.Ids[i] < maxDoc; i++)
                {
                    var doc = driver.Ids[i];
                    if (filters.Visible(docs, doc) && filters.PassesFacets(docs, doc))
                    {
                        var f = only[i];
                        Accept(doc, weight * f / (f + NormOf(lengths[i])));
                    }
                }
            }
            else
            {
                var cursors = new int[required.Length];
                for (var i = 0; i < driver.Count; i++)
                {
                    var doc = driver.Ids[i];
                    if (doc >= maxDoc)
                    {
                        break;
                    }
                    if (!filters.Visible(docs, doc) || !AllContain(required, cursors, doc) || !filters.PassesFacets(docs, doc))
                    {
                        continue;
                    }
                    cursors[0] = i;
                    var norm = NormOf(driver.Lengths is { } driverLengths ? driverLengths[i] : docs.Lengths[doc]);
                    double score = 0;
                    for (var l = 0; l < required.Length; l++)
                    {
                        if (required[l].Frequencies is { } tf)
                        {
                            var f = tf[cursors[l]];
                            score += required[l].Idf * f * (K1 + 1) / (f + norm);
                        }
                    }
                    Accept(doc, score);
                }
            }
        }
        return new SearchResult(total, top.Page((page - 1) * size, size), FacetsOf(index, counts, offsets));

        static SearchResult Empty() => new(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>());
    }

    /// <summary>
    /// One term without facet or node filters, over a list big enough to carry a <see cref="FacetTally"/>: the
    /// facet counts and the total start from the tally's copy, and the scan scores the visible live documents and
    /// subtracts the rest (dead rows, another school's, rows past the snapshot) by their facets. Same answer as the
    /// general path (SearchTallyTests compare both) without counting 8 facets per match.
    /// </summary>
    private static SearchResult ScanTallied(BigramIndex index, DocumentColumns docs, int maxDoc, SearchQuery query, CompileFilters filters,
        (int[] Counts, int[] Offsets, Postings Postings) snapshot, int size, int page)
    {
        var (counts, offsets, (ids, frequencies, lengths, count)) = snapshot;
        var ordinals = index.Docs.FacetOrdinals; // as now: rows past the snapshot are published before their postings
        long total = count;
        var sort = query.Sort;
        var window = (long)page * size <= MaxWindow ? page * size : 0;
        var top = new CollectTopHits(sort, window, docs);
        var relevance = sort == SearchSort.Relevance;
        var averageLength = index.AverageLength;
        var lengthNorms = LengthNorms(averageLength);
        var weight = Idf(index.MaxDoc, count) * (K1 + 1);
        var screened = docs.Screened;
        var cut = Array.BinarySearch(ids, 0, count, maxDoc);
        cut = cut >= 0 ? cut : ~cut;
        var idsInSnapshot = ids.AsSpan(0, cut);
        var threshold = top.Threshold;
        // With a positive weight and threshold, a match whose score is clearly below the threshold is rejected with
        // multiplications only; anything near it gets the exact score and the exact comparison below, so the page
        // is what computing every score gives (the slack is far wider than the rounding of either form).
        var preTest = relevance && weight > 0;
        const double Slack = 1 - 1e-9;
        // The hot loop: per match, the id, frequency and length in posting order and one bit of a cache-resident
        // bitmap; only screened rows (dead, school-only) read the scattered columns.
        for (var i = 0; i < idsInSnapshot.Length; i++)
        {
            var doc = idsInSnapshot[i];
            if ((screened[doc >> 6] & (1UL << doc)) == 0 || (docs.Alive[doc] && filters.Passes(docs, doc)))
            {
                var length = lengths[i];
                var norm = length < lengthNorms.Length ? lengthNorms[length] : K1 * (1 - B + B * length / averageLength);
                double f = frequencies[i];
                if (preTest && threshold > 0 && weight * f < threshold * (f + norm) * Slack)
                {
                    continue;
                }
                var score = weight * f / (f + norm);
                if (!relevance || score >= threshold)
                {
                    top.Offer(doc, score);
                    threshold = top.Threshold;
                }
                continue;
            }
            Subtract(doc);
        }
        for (var i = cut; i < count; i++) // postings appended since MaxDoc was read (all at the end) only subtract
        {
            Subtract(ids[i]);
        }

        void Subtract(int doc)
        {
            total--;
            var row = doc * DocumentColumns.FacetSlots;
            for (var s = 0; s < DocumentColumns.FacetSlots; s++)
            {
                counts[offsets[s] + ordinals[row + s]]--;
            }
        }

        return new SearchResult(total, top.Page((page - 1) * size, size), FacetsOf(index, counts, offsets));
    }

    /// <summary>
    /// BM25's length normalisation per document length for the usual lengths. The table is kept while the average length stays the same (between writes), so a query does not redo 1,024
    /// divisions. The values are exactly what the formula gives, so ranking does not depend on the cache.
    /// </summary>
    private static double[] LengthNorms(double averageLength)
    {
        if (s_lengthNorms is { } cached && cached.AverageLength == averageLength)
        {
            return cached.Norms;
        }
        var norms = new double[1024];
        for (var length = 0; length < norms.Length; length++)
        {
            norms[length] = K1 * (1 - B + B * length / averageLength);
        }
        s_lengthNorms = new NormTable(averageLength, norms);
        return norms;
    }

    private static NormTable? s_lengthNorms;

    private sealed record NormTable(double AverageLength, double[] Norms);

    /// <summary>
    /// BM25's idf. df counts dead rows until a compaction, so N must count them too (Lucene's maxDoc): with the live
    /// count a term in nearly every document got df &gt; N after re-publishes, a negative idf and a reversed order.
    /// </summary>
    private static double Idf(long documents, int df) => Math.Log(1 + (documents - df + 0.5) / (df + 0.5));

    /// <summary>Moves every other list's cursor to the first id ≥ doc (galloping, then binary search) and says whether all hold doc.</summary>
    private static bool AllContain(Scored[] lists, int[] cursors, int doc)
    {
        for (var l = 1; l < lists.Length; l++)
        {
            var list = lists[l];
            var lo = cursors[l];
            var step = 1;
            var hi = lo;
            while (hi < list.Count && list.Ids[hi] < doc)
            {
                lo = hi + 1;
                hi += step;
                step <<= 1;
            }
            var end = Math.Min(hi + 1, list.Count); // ids[hi] (if any) is the first probe not below doc
            var found = Array.BinarySearch(list.Ids, lo, end - lo, doc);
            if (found < 0)
            {
                cursors[l] = ~found;
                return false;
            }
            cursors[l] = found;
        }
        return true;
    }

    private static Dictionary<string, IReadOnlyList<FacetCount>> FacetsOf(BigramIndex index, int[] counts, int[] offsets)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(DocumentColumns.FacetSlots);
        for (var f = 0; f < DocumentColumns.FacetSlots; f++)
        {
            var codes = index.Vocabularies[f].Codes;
            var at = offsets[f];
            var list = new List<FacetCount>();
            for (var o = 1; o < offsets[f + 1] - at; o++) // ordinal 0 is "no code"
            {
                if (counts[at + o] > 0)
                {
                    list.Add(new FacetCount(codes[o], counts[at + o]));
                }
            }
            list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Code, b.Code));
            facets[Facets.Names[f]] = list;
        }
        return facets;
    }

    /// <summary>One required list; <see cref="Frequencies"/> is null for the node filter, which does not score.</summary>
    private sealed record Scored(int[] Ids, byte[]? Frequencies, ushort[]? Lengths, int Count, double Idf);
}
