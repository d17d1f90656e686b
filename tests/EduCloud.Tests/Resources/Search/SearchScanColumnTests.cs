using EduCloud.Resources.Search;
using static EduCloud.Tests.Resources.Search.SearchDocs;

namespace EduCloud.Tests.Resources.Search;

/// <summary>
/// The scan reads each match's length from its posting (a copy of the row's) and decides "live and visible to
/// everyone" from one bit (DocumentColumns.Screened) instead of the alive and school columns. Both are copies that
/// could go stale on re-publish (a new length), takedown (the bit), school-only resources and compaction: an index
/// that went through all of that must answer like an index built afresh from the resources that are live now.
/// </summary>
public sealed class SearchScanColumnTests
{
    private static readonly string[] Subjects = ["math", "chinese", "english", "physics", "music"];
    private static readonly string[] Types = ["courseware", "lesson-plan", "video", "exercise"];

    /// <summary>Titles and descriptions of varying length, so BM25's length normalisation decides the order.</summary>
    private static SearchDocument Numbered(int i, Guid? id = null, Guid? school = null, int version = 0) => Doc(
        (i + version) % 3 == 0 ? $"数学 第{i}课 课件" : $"语文 第{i}课 教案 {new string('练', (i + version) % 4)}",
        description: string.Concat(Enumerable.Repeat("复习与巩固", (i * 7 + version) % 6)),
        subject: Subjects[(i + version) % Subjects.Length], type: Types[i % Types.Length], grade: "p" + (1 + i % 6),
        licence: i % 7 == 0 ? "cc-by" : "free", school: school, day: i % 400, id: id);

    private static readonly string[] OneTerm = ["数", "数学", "语文", "课", "练"];

    private static void AnswersLikeAFreshIndex(BigramResourceSearch search, IReadOnlyCollection<SearchDocument> live, bool compacted)
    {
        var fresh = new BigramResourceSearch();
        foreach (var d in live.OrderBy(d => d.ResourceId))
        {
            fresh.Upsert(d);
        }
        // One-term queries rank by the term's frequency and the length only (idf is a common factor, and it counts
        // dead rows until a compaction), so their order must match even before compacting; every query after it.
        var texts = compacted ? [.. OneTerm, "数学 课件", "语文 教案", "复习 巩固"] : OneTerm;
        foreach (var text in texts)
        {
            foreach (var schools in new[] { Array.Empty<Guid>(), [School] })
            {
                foreach (var (sort, page, filters) in new[]
                {
                    (SearchSort.Relevance, 1, new Dictionary<string, IReadOnlyList<string>>()),
                    (SearchSort.Relevance, 3, []),
                    (SearchSort.Newest, 2, []),
                    (SearchSort.Relevance, 1, Filter("subject", "math", "english")),
                })
                {
                    var expected = fresh.Search(Query(text, sort, page, 20, filters, schools));
                    var actual = search.Search(Query(text, sort, page, 20, filters, schools));
                    var what = $"{text} {sort} page {page} filtered {filters.Count > 0} school {schools.Length > 0}";
                    actual.Total.ShouldBe(expected.Total, what);
                    // 课 is in every document, dead rows included: its idf must stay above zero (N counts dead rows
                    // as df does), or re-publishes would reverse its order until a compaction.
                    actual.Hits.Select(h => h.ResourceId).ShouldBe(expected.Hits.Select(h => h.ResourceId), what);
                    if (compacted)
                    {
                        actual.Hits.Select(h => h.Score).ShouldBe(expected.Hits.Select(h => h.Score), what);
                    }
                    foreach (var name in Facets.Names)
                    {
                        actual.Facets[name].ShouldBe(expected.Facets[name], what + " " + name);
                    }
                }
            }
        }
    }

    [Fact]
    public void Lengths_in_postings_and_the_screened_bits_stay_exact_through_republish_takedown_schools_and_compaction()
    {
        var search = new BigramResourceSearch();
        var live = new Dictionary<Guid, SearchDocument>();
        void Put(SearchDocument d)
        {
            search.Upsert(d);
            live[d.ResourceId] = d;
        }
        for (var i = 0; i < 6_000; i++)
        {
            Put(Numbered(i, school: i % 40 == 0 ? School : null));
        }
        AnswersLikeAFreshIndex(search, live.Values, compacted: false);

        // Re-publish 700 with other text (new lengths, other subject) and some into or out of school-only; take 250 down.
        var ids = live.Keys.ToList();
        for (var i = 0; i < 700; i++)
        {
            Put(Numbered(i * 5 + 1, id: ids[i * 3], school: i % 9 == 0 ? School : null, version: 1));
        }
        for (var i = 0; i < 250; i++)
        {
            search.Remove(ids[i * 13 + 2]);
            live.Remove(ids[i * 13 + 2]);
        }
        AnswersLikeAFreshIndex(search, live.Values, compacted: false);

        search.Compact();
        AnswersLikeAFreshIndex(search, live.Values, compacted: true);

        // After the compaction the rows are renumbered: new rows, deaths and school-only rows on top of it.
        for (var i = 0; i < 300; i++)
        {
            Put(Numbered(10_000 + i, school: i % 7 == 0 ? School : null));
            Put(Numbered(i * 11, id: ids[i * 17 + 5], version: 2));
        }
        foreach (var id in ids.Skip(4_000).Take(100))
        {
            search.Remove(id);
            live.Remove(id);
        }
        AnswersLikeAFreshIndex(search, live.Values, compacted: false);
        search.Compact();
        AnswersLikeAFreshIndex(search, live.Values, compacted: true);
    }
}
