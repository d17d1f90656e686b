namespace EduCloud.Resources.Search;

/// <summary>
/// The facet counts of every document ever appended to one big posting list (dead and school-only rows included),
/// kept by the writer as it appends. A one-term query without facet filters (every unfiltered 1- and 2-character
/// search, whose lists run to hundreds of thousands of documents) starts from a copy of these counts and only
/// subtracts the few rows it must skip (dead, another school's, beyond its snapshot) instead of reading 8 facet
/// ordinals and counting for every match: the counts stay exact, the scan touches one column less per document.
/// The list's append and the tally's increment happen under one lock, and a reader copies the tally and reads the
/// list under the same lock, so the copy always describes exactly the postings the reader then scans.
/// </summary>
internal sealed class FacetTally
{
    /// <summary>
    /// Lists shorter than this are counted by the scan. The tally costs ~100 ints per list (a vocabulary of 15,580
    /// terms at a million documents), its copy per query less than counting a few hundred facet rows.
    /// </summary>
    public const int MinPostings = 256;

    private readonly object _gate = new();
    private readonly int[][] _counts = Enumerable.Range(0, DocumentColumns.FacetSlots).Select(_ => new int[8]).ToArray();

    /// <summary>Writer only: a tally of the rows already in <paramref name="list"/> (their columns are written).</summary>
    public static FacetTally Of(PostingList list, DocumentColumns docs)
    {
        var tally = new FacetTally();
        var (ids, _, _, count) = list.Read();
        for (var i = 0; i < count; i++)
        {
            tally.Count(docs.FacetOrdinals.AsSpan(ids[i] * DocumentColumns.FacetSlots, DocumentColumns.FacetSlots));
        }
        return tally;
    }

    /// <summary>Writer only: appends the posting and counts the document's facets, as one step for readers.</summary>
    public void Append(PostingList list, int doc, int frequency, ushort length, ReadOnlySpan<ushort> ordinals)
    {
        lock (_gate)
        {
            list.Append(doc, frequency, length);
            Count(ordinals);
        }
    }

    /// <summary>
    /// A copy of the counts into one flat array (facet f's ordinal o at offsets[f] + o; each slot at least as wide as
    /// <paramref name="widths"/> says) and the postings they describe.
    /// </summary>
    public (int[] Counts, int[] Offsets, Postings Postings) Snapshot(PostingList list, ReadOnlySpan<int> widths)
    {
        var offsets = new int[DocumentColumns.FacetSlots + 1];
        lock (_gate)
        {
            for (var f = 0; f < DocumentColumns.FacetSlots; f++)
            {
                offsets[f + 1] = offsets[f] + Math.Max(widths[f], _counts[f].Length);
            }
            var counts = new int[offsets[^1]];
            for (var f = 0; f < DocumentColumns.FacetSlots; f++)
            {
                _counts[f].CopyTo(counts, offsets[f]);
            }
            return (counts, offsets, list.Read());
        }
    }

    private void Count(ReadOnlySpan<ushort> ordinals)
    {
        for (var f = 0; f < DocumentColumns.FacetSlots; f++)
        {
            var o = ordinals[f];
            if (o >= _counts[f].Length)
            {
                Array.Resize(ref _counts[f], Math.Max(o + 1, _counts[f].Length * 2));
            }
            _counts[f][o]++;
        }
    }
}
