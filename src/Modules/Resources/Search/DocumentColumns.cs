namespace EduCloud.Resources.Search;

/// <summary>
/// What ranking, filtering, facets and sorting need of each document, one array per column (about 64 bytes a
/// document) instead of a record per document: scans touch only the columns they use. The writer fills a row and
/// grows into a new instance when full; the index publishes the row (its MaxDoc) only after that.
/// </summary>
internal sealed class DocumentColumns
{
    public const int FacetSlots = 8;

    public DocumentColumns(int capacity)
    {
        ResourceIds = new Guid[capacity];
        FacetOrdinals = new ushort[capacity * FacetSlots];
        SchoolOrdinals = new int[capacity];
        PublishedTicks = new long[capacity];
        UseCounts = new long[capacity];
        Ratings = new float[capacity];
        RatingCounts = new int[capacity];
        Lengths = new ushort[capacity];
        Alive = new bool[capacity];
        Screened = new ulong[(capacity + 63) / 64];
    }

    public int Capacity => ResourceIds.Length;
    public Guid[] ResourceIds { get; }
    /// <summary>Row-major: the 8 facet ordinals of doc d are at [d*8, d*8+8), one cache line for all facets.</summary>
    public ushort[] FacetOrdinals { get; }
    /// <summary>0 = visible to everyone; otherwise the ordinal of the only school that may find it.</summary>
    public int[] SchoolOrdinals { get; }
    public long[] PublishedTicks { get; }
    public long[] UseCounts { get; }
    public float[] Ratings { get; }
    public int[] RatingCounts { get; }
    /// <summary>Field-weighted number of terms, for BM25's length normalisation.</summary>
    public ushort[] Lengths { get; }
    public bool[] Alive { get; }

    /// <summary>
    /// One bit per row, set when a scan must look closer before counting the row as a match: the row is dead or
    /// visible to one school only. 128 KiB for a million rows, so it stays in the CPU's cache while a query walks a
    /// long posting list, where the alive flags and school ordinals (5 MiB) would cost a cache miss per match.
    /// </summary>
    public ulong[] Screened { get; }

    /// <summary>False for a live row every caller may see (the common case); true means check Alive and the school.</summary>
    public bool IsScreened(int doc) => (Screened[doc >> 6] & (1UL << doc)) != 0;

    /// <summary>Writer only (one writer; a reader sees the word before or after, both whole).</summary>
    public void Screen(int doc) => Screened[doc >> 6] |= 1UL << doc;

    public DocumentColumns Grown(int count, int capacity)
    {
        var grown = new DocumentColumns(capacity);
        CopyRows(this, 0, grown, 0, count);
        return grown;
    }

    public static void CopyRows(DocumentColumns from, int fromRow, DocumentColumns to, int toRow, int count)
    {
        Array.Copy(from.ResourceIds, fromRow, to.ResourceIds, toRow, count);
        Array.Copy(from.FacetOrdinals, fromRow * FacetSlots, to.FacetOrdinals, toRow * FacetSlots, count * FacetSlots);
        Array.Copy(from.SchoolOrdinals, fromRow, to.SchoolOrdinals, toRow, count);
        Array.Copy(from.PublishedTicks, fromRow, to.PublishedTicks, toRow, count);
        Array.Copy(from.UseCounts, fromRow, to.UseCounts, toRow, count);
        Array.Copy(from.Ratings, fromRow, to.Ratings, toRow, count);
        Array.Copy(from.RatingCounts, fromRow, to.RatingCounts, toRow, count);
        Array.Copy(from.Lengths, fromRow, to.Lengths, toRow, count);
        Array.Copy(from.Alive, fromRow, to.Alive, toRow, count);
        if (fromRow == 0 && toRow == 0)
        {
            Array.Copy(from.Screened, to.Screened, (count + 63) / 64);
            return;
        }
        for (var i = 0; i < count; i++)
        {
            if (from.IsScreened(fromRow + i))
            {
                to.Screen(toRow + i);
            }
        }
    }
}
