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
    }
}
