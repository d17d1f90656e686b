namespace EduCloud.Resources.Search;

/// <summary>
/// A query's facet filters, catalogue-node filter and school visibility turned into ordinal look-ups against one
/// index generation, so the per-document test is a few array reads. Codes the index has never seen match nothing.
/// Unknown facet names are ignored (the API validates names; search stays total), and an empty code list means
/// "any".
/// </summary>
internal sealed class CompileFilters
{
    private readonly bool[]?[] _accepted = new bool[DocumentColumns.FacetSlots][];
    private readonly int[] _callerSchools;
    private int[] _filteredSlots = [];

    private CompileFilters(int[] callerSchools) => _callerSchools = callerSchools;

    /// <summary>True when some filter can match no document at all: the query is empty without scanning.</summary>
    public bool MatchesNothing { get; private set; }

    /// <summary>The sorted union of the requested catalogue nodes' documents, or null when not filtered by node.</summary>
    public int[]? NodeDocs { get; private set; }

    /// <summary>True when some facet must hold given codes (school visibility and the node filter aside).</summary>
    public bool FiltersFacets => _filteredSlots.Length > 0;

    public static CompileFilters Compile(BigramIndex index, SearchQuery query, int maxDoc)
    {
        var schools = new List<int>();
        foreach (var school in query.CallerSchoolIds ?? [])
        {
            if (index.TryGetSchool(school, out var ordinal))
            {
                schools.Add(ordinal);
            }
        }
        var compiled = new CompileFilters(schools.ToArray());
        foreach (var (name, codes) in query.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (codes is null || codes.Count == 0)
            {
                continue;
            }
            if (name == Facets.Node)
            {
                compiled.NodeDocs = UnionNodes(index, codes, maxDoc);
                compiled.MatchesNothing |= compiled.NodeDocs.Length == 0;
                continue;
            }
            var slot = Facets.IndexOf(name);
            if (slot < 0)
            {
                continue;
            }
            var vocabulary = index.Vocabularies[slot];
            var accepted = new bool[vocabulary.Codes.Length];
            var any = false;
            foreach (var code in codes)
            {
                if (code is not null && vocabulary.TryGet(code, out var ordinal) && ordinal < accepted.Length)
                {
                    accepted[ordinal] = any = true;
                }
            }
            compiled._accepted[slot] = accepted;
            compiled._filteredSlots = [.. compiled._filteredSlots.Append(slot).Distinct()];
            compiled.MatchesNothing |= !any;
        }
        return compiled;
    }

    /// <summary>The school visibility and the facet filters (the row is alive).</summary>
    public bool Passes(DocumentColumns docs, int doc) => SchoolMaySee(docs, doc) && PassesFacets(docs, doc);

    /// <summary>
    /// Alive and visible to the caller. A live row for everyone is decided by one bit of <see
    /// cref="DocumentColumns.Screened"/>, which stays in the cache; only screened rows read the alive flag and school.
    /// </summary>
    public bool Visible(DocumentColumns docs, int doc) => !docs.IsScreened(doc) || (docs.Alive[doc] && SchoolMaySee(docs, doc));

    public bool PassesFacets(DocumentColumns docs, int doc)
    {
        var row = doc * DocumentColumns.FacetSlots;
        foreach (var f in _filteredSlots)
        {
            var accepted = _accepted[f]!;
            var ordinal = docs.FacetOrdinals[row + f];
            if (ordinal >= accepted.Length || !accepted[ordinal])
            {
                return false;
            }
        }
        return true;
    }

    private bool SchoolMaySee(DocumentColumns docs, int doc)
    {
        var school = docs.SchoolOrdinals[doc];
        return school == 0 || Array.IndexOf(_callerSchools, school) >= 0;
    }

    private static int[] UnionNodes(BigramIndex index, IReadOnlyList<string> codes, int maxDoc)
    {
        var union = new List<int>();
        var lists = 0;
        foreach (var code in codes)
        {
            if (Guid.TryParse(code, out var node) && index.Postings(Term.ForNode(node)) is { } postings)
            {
                var (ids, _, _, count) = postings.Read();
                for (var i = 0; i < count && ids[i] < maxDoc; i++)
                {
                    union.Add(ids[i]);
                }
                lists++;
            }
        }
        if (lists > 1)
        {
            union.Sort();
            return union.Distinct().ToArray(); // Distinct keeps the first of each run, so the order stays sorted
        }
        return union.ToArray();
    }
}
