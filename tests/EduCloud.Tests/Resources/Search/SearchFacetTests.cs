using EduCloud.Resources.Search;
using static EduCloud.Tests.Resources.Search.SearchDocs;

namespace EduCloud.Tests.Resources.Search;

public sealed class SearchFacetTests
{
    [Fact]
    public void Facets_count_the_whole_matching_set_before_paging()
    {
        var search = Index(Figures("认识图形 课件"), Figures("认识图形 微课"), Carry("进位加法 课件"),
            Poem("静夜思 教案"), Poem("静夜思 课堂实录", type: "video"));
        var result = search.Search(Query("", size: 1));
        result.Total.ShouldBe(5);
        result.Hits.Count.ShouldBe(1);
        result.Facets["subject"].ShouldBe([new FacetCount("math", 3), new FacetCount("chinese", 2)]);
        result.Facets["type"].ShouldBe([new FacetCount("courseware", 3), new FacetCount("lesson-plan", 1), new FacetCount("video", 1)]);
        result.Facets["format"].ShouldBe([new FacetCount("pptx", 3), new FacetCount("docx", 2)]);
        result.Facets.Keys.ShouldBe(["stage", "subject", "grade", "type", "format", "language", "licence", "kind"], ignoreOrder: true);

        var math = search.Search(Query("课件"));
        math.Total.ShouldBe(2);
        math.Facets["subject"].ShouldBe([new FacetCount("math", 2)]);
    }

    [Fact]
    public void Filters_on_facets_and_catalogue_nodes_combine_with_and_across_and_or_within()
    {
        var a = Figures("认识图形 课件");
        var b = Carry("进位加法 课件");
        var c = Poem("静夜思 教案");
        var d = Poem("静夜思 课堂实录", type: "video");
        var search = Index(a, b, c, d);
        search.Search(Query(null, filters: Filter("subject", "chinese"))).Total.ShouldBe(2);
        search.Search(Query(null, filters: Filter("type", "video", "courseware"))).Total.ShouldBe(3);
        search.Search(Query(null, filters: new() { ["subject"] = ["chinese"], ["type"] = ["video"] })).Hits.Single().ResourceId.ShouldBe(d.ResourceId);
        search.Search(Query(null, filters: Filter("node", CarryNode.ToString()))).Hits.Single().ResourceId.ShouldBe(b.ResourceId);
        search.Search(Query(null, filters: Filter("node", CarryNode.ToString(), FiguresNode.ToString()))).Total.ShouldBe(2);
        search.Search(Query("课件", filters: Filter("node", FiguresNode.ToString()))).Hits.Single().ResourceId.ShouldBe(a.ResourceId);
        search.Search(Query("课件", filters: Filter("subject", "chinese"))).Total.ShouldBe(0);
        search.Search(Query(null, filters: Filter("subject", "no-such-code"))).Total.ShouldBe(0);
        search.Search(Query(null, filters: Filter("node", "not-a-guid"))).Total.ShouldBe(0);
        search.Search(Query(null, filters: Filter("colour", "red"))).Total.ShouldBe(4); // unknown facet names are ignored
        search.Search(Query(null, filters: Filter("subject"))).Total.ShouldBe(4); // no codes: any
    }

    [Fact]
    public void Sorts_by_newest_most_used_and_best_rated()
    {
        var old = Doc("数学 课件 旧", day: 1, uses: 500, rating: 4.1, ratings: 10);
        var mid = Doc("数学 课件 中", day: 2, uses: 50, rating: 4.8, ratings: 3);
        var fresh = Doc("数学 课件 新", day: 3, uses: 5, rating: 4.8, ratings: 30);
        var search = Index(mid, old, fresh);
        Ids(search.Search(Query("数学", SearchSort.Newest))).ShouldBe([fresh.ResourceId, mid.ResourceId, old.ResourceId]);
        Ids(search.Search(Query("数学", SearchSort.MostUsed))).ShouldBe([old.ResourceId, mid.ResourceId, fresh.ResourceId]);
        // equal averages: more ratings first
        Ids(search.Search(Query("数学", SearchSort.BestRated))).ShouldBe([fresh.ResourceId, mid.ResourceId, old.ResourceId]);
        // browsing without text by relevance means newest first
        Ids(search.Search(Query(""))).ShouldBe([fresh.ResourceId, mid.ResourceId, old.ResourceId]);
    }

    [Fact]
    public void Paging_is_stable_and_covers_every_hit_exactly_once_even_with_equal_scores()
    {
        // 53 resources with the same title and date: every key ties, only the resource id orders them
        var docs = Enumerable.Range(0, 53).Select(_ => Doc("认识图形 课件")).ToArray();
        var search = Index(docs);
        var seen = new List<Guid>();
        for (var page = 1; page <= 6; page++)
        {
            var result = search.Search(Query("图形", page: page, size: 10));
            result.Total.ShouldBe(53);
            seen.AddRange(Ids(result));
            Ids(search.Search(Query("图形", page: page, size: 10))).ShouldBe(Ids(result)); // same query, same page
        }
        seen.Count.ShouldBe(53);
        seen.ShouldBe(docs.Select(d => d.ResourceId).Order().ToList()); // ties: ascending resource id
        search.Search(Query("图形", page: 7, size: 10)).Hits.ShouldBeEmpty();
        search.Search(Query("图形", page: 2000, size: 10)).Total.ShouldBe(53); // beyond the window: no hits, true total
    }

    [Fact]
    public void School_based_resources_are_found_only_by_callers_at_that_school()
    {
        var open = Doc("校本课程 认识家乡 课件");
        var own = Doc("校本课程 认识苗族刺绣", kind: "school", school: School);
        var other = Doc("校本课程 认识布依族蜡染", kind: "school", school: Guid.NewGuid());
        var search = Index(open, own, other);
        Ids(search.Search(Query("校本课程"))).ShouldBe([open.ResourceId]);
        Ids(search.Search(Query("校本课程", schools: [School]))).ShouldBe([open.ResourceId, own.ResourceId], ignoreOrder: true);
        search.Search(Query("", schools: [Guid.NewGuid()])).Total.ShouldBe(1);
        search.Search(Query("蜡染", schools: [School])).Total.ShouldBe(0);
        search.Search(Query("", schools: [School])).Facets["kind"].ShouldBe([new FacetCount("basic", 1), new FacetCount("school", 1)]);
    }

    private static List<Guid> Ids(SearchResult r) => r.Hits.Select(h => h.ResourceId).ToList();
}
