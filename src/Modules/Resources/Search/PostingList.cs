namespace EduCloud.Resources.Search;

/// <summary>
/// The documents holding one term: ascending internal doc ids in an int array, the field-weighted term frequency
/// beside each in a byte array and the document's length (what BM25 normalises by) in a ushort array: 7 bytes a
/// posting, no object per posting. The length is a copy of the row's (a row never changes length: a re-published
/// resource gets a new row), kept here so that scoring a match reads the three arrays in order instead of the
/// length column at a random place (ADR 0022).
/// One writer appends under the index's writer lock; readers never lock. The writer fills the slot, publishes the
/// (possibly regrown) arrays and only then the count, and a reader reads the count first: so whatever count a
/// reader sees, the arrays it reads afterwards hold at least that many valid entries.
/// </summary>
internal sealed class PostingList
{
    private int[] _ids;
    private byte[] _frequencies;
    private ushort[] _lengths;
    private int _count;
    private FacetTally? _tally;

    public PostingList(int capacity = 2)
    {
        _ids = new int[capacity];
        _frequencies = new byte[capacity];
        _lengths = new ushort[capacity];
    }

    /// <summary>Ids in [0, count) are valid; the arrays may be longer.</summary>
    public Postings Read()
    {
        var count = Volatile.Read(ref _count);
        return new Postings(Volatile.Read(ref _ids), Volatile.Read(ref _frequencies), Volatile.Read(ref _lengths), count);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The facet counts of a big list (null below <see cref="FacetTally.MinPostings"/>); once set, every append goes through it.</summary>
    public FacetTally? Tally
    {
        get => Volatile.Read(ref _tally);
        set => Volatile.Write(ref _tally, value);
    }

    /// <summary>Writer only. <paramref name="doc"/> is larger than every id already here.</summary>
    public void Append(int doc, int frequency, ushort length)
    {
        var ids = _ids;
        var frequencies = _frequencies;
        var lengths = _lengths;
        if (_count == ids.Length)
        {
            // Grow by half (not double) above 1k entries: less slack memory on the huge lists of common characters.
            var size = ids.Length < 1024 ? ids.Length * 2 : ids.Length + ids.Length / 2;
            Array.Resize(ref ids, size);
            Array.Resize(ref frequencies, size);
            Array.Resize(ref lengths, size);
        }
        ids[_count] = doc;
        frequencies[_count] = (byte)Math.Min(frequency, byte.MaxValue);
        lengths[_count] = length;
        Volatile.Write(ref _ids, ids);
        Volatile.Write(ref _frequencies, frequencies);
        Volatile.Write(ref _lengths, lengths);
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>A trimmed copy with dead documents dropped and ids renumbered (compaction; writer only).</summary>
    public PostingList? Compacted(int[] newIds)
    {
        var (ids, frequencies, lengths, count) = Read();
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            kept += newIds[ids[i]] >= 0 ? 1 : 0;
        }
        if (kept == 0)
        {
            return null;
        }
        var list = new PostingList(kept);
        for (var i = 0; i < count; i++)
        {
            var n = newIds[ids[i]];
            if (n >= 0)
            {
                list._ids[list._count] = n;
                list._lengths[list._count] = lengths[i];
                list._frequencies[list._count++] = frequencies[i];
            }
        }
        return list;
    }
}

/// <summary>One reader's view of a posting list: entries in [0, Count) of the three arrays are valid.</summary>
internal readonly record struct Postings(int[] Ids, byte[] Frequencies, ushort[] Lengths, int Count);
