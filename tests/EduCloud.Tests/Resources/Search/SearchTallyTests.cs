using EduCloud.Resources.Search;
using static EduCloud.Tests.Resources.Search.SearchDocs;

namespace EduCloud.Tests.Resources.Search;

/// <summary>
/// One-term queries over big posting lists take their facet counts from the list's tally (FacetTally) and subtract
/// what they skip. They must answer exactly what counting every match answers: with re-published (dead) rows,
/// school-only resources, taken-down resources and a compaction in between.
/// </summary>
public sealed class SearchTallyTests
{
    private static readonly string[] Subjects = ["math", "chinese", "english", "physics", "music"];
    private static readonly string[] Types = ["courseware", "lesson-plan", "video", "exercise"];

    private static SearchDocument Numbered(int i, Guid? id = null, Guid? school = null) => Doc(
        i % 3 == 0 ? $"数学 第{i}课 课件" : $"语文 第{i}课 教案", subject: Subjects[i % Subjects.Length], type: Types[i % Types.Length],
        grade: "p" + (1 + i % 6), licence: i % 7 == 0 ? "cc-by" : "free", school: school, day: i % 400, id: id);

    /// <summary>What the index must answer for "数学" as caller at <paramref name="callerSchool"/>: counted document by document.</summary>
    private static (long Total, Dictionary<string, List<FacetCount>> Facets) Expected(IEnumerable<SearchDocument> live, Guid? callerSchool)
    {
        var matching = live.Where(d => d.Title.Contains("数学", StringComparison.Ordinal) && (d.OnlyForSchoolId is null || d.OnlyForSchoolId == callerSchool)).ToList();
        List<FacetCount> Count(Func<SearchDocument, string?> code) => matching.Where(d => code(d) is not null).GroupBy(d => code(d)!)
            .Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        return (matching.Count, new()
        {
            ["subject"] = Count(d => d.SubjectCode),
            ["type"] = Count(d => d.TypeCode),
            ["grade"] = Count(d => d.GradeCode),
            ["licence"] = Count(d => d.LicenceCode),
        });
    }

    private static void ShouldAgree(BigramResourceSearch search, IEnumerable<SearchDocument> live, Guid? callerSchool)
    {
        var (total, facets) = Expected(live, callerSchool);
        var result = search.Search(Query("数学", schools: callerSchool is { } s ? [s] : []));
        result.Total.ShouldBe(total);
        foreach (var (name, counts) in facets)
        {
            result.Facets[name].ShouldBe(counts, name);
        }
        // The general path (a facet filter that accepts every code) counts match by match: the same answer.
        var general = search.Search(Query("数学", filters: Filter("licence", "free", "cc-by"), schools: callerSchool is { } t ? [t] : []));
        general.Total.ShouldBe(result.Total);
        general.Hits.Select(h => h.ResourceId).ShouldBe(result.Hits.Select(h => h.ResourceId));
        foreach (var name in Facets.Names)
        {
            general.Facets[name].ShouldBe(result.Facets[name], name);
        }
    }

    [Fact]
    public void A_big_one_term_query_counts_facets_exactly_through_dead_rows_schools_and_compaction()
    {
        var search = new BigramResourceSearch();
        var live = new Dictionary<Guid, SearchDocument>();
        void Put(SearchDocument d)
        {
            search.Upsert(d);
            live[d.ResourceId] = d;
        }
        for (var i = 0; i < 15_000; i++)
        {
            Put(Numbered(i, school: i % 50 == 0 ? School : null));
        }
        // "数学" is in 5,000 titles: past FacetTally.MinPostings, so the tallied path answers.
        ShouldAgree(search, live.Values, null);
        ShouldAgree(search, live.Values, School);

        // Re-publish 900 of them under other subjects and types (their old rows die), take 300 down.
        var ids = live.Keys.ToList();
        for (var i = 0; i < 900; i++)
        {
            Put(Numbered(i * 7 + 1, id: ids[i * 3]));
        }
        for (var i = 0; i < 300; i++)
        {
            search.Remove(ids[i * 11 + 2]);
            live.Remove(ids[i * 11 + 2]);
        }
        ShouldAgree(search, live.Values, null);
        ShouldAgree(search, live.Values, School);

        search.Compact();
        ShouldAgree(search, live.Values, null);
        ShouldAgree(search, live.Values, School);
        Put(Numbered(15_003));
        ShouldAgree(search, live.Values, School);
    }
}
