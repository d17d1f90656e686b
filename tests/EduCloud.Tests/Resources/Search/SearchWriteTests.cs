using System.Diagnostics;
using EduCloud.Resources;
using EduCloud.Resources.Search;
using Microsoft.Extensions.DependencyInjection;
using static EduCloud.Tests.Resources.Search.SearchDocs;

namespace EduCloud.Tests.Resources.Search;

public sealed class SearchWriteTests
{
    [Fact]
    public void Removed_resources_are_not_found_and_republishing_replaces_the_old_text()
    {
        var figures = Figures("认识图形 课件");
        var search = Index(figures, Carry("进位加法 课件"));
        search.Remove(figures.ResourceId);
        search.Search(Query("图形")).Total.ShouldBe(0);
        search.Search(Query("")).Total.ShouldBe(1);
        search.Search(Query("")).Facets["subject"].ShouldBe([new FacetCount("math", 1)]);
        search.Remove(figures.ResourceId); // twice, and an unknown id: no effect
        search.Remove(Guid.NewGuid());

        var poem = Poem("静夜思 教案");
        search.Upsert(poem);
        search.Upsert(poem with { Title = "春晓 教案", Description = "孟浩然《春晓》", Tags = [], CataloguePathNames = ["语文", "春晓"] });
        search.Search(Query("春晓")).Hits.Single().ResourceId.ShouldBe(poem.ResourceId);
        search.Search(Query("静夜思")).Total.ShouldBe(0);
        search.Search(Query("教案")).Total.ShouldBe(1);
        search.DocumentCount.ShouldBe(2);
    }

    [Fact]
    public void Compaction_keeps_results_identical()
    {
        var docs = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? Figures($"认识图形 课件 {i}", i) : Carry($"进位加法 练习 {i}", i)).ToArray();
        var search = Index(docs);
        foreach (var d in docs.Where((_, i) => i % 3 == 0))
        {
            search.Remove(d.ResourceId);
        }
        var queries = new[] { Query("图形"), Query("练习", SearchSort.Newest, page: 2, size: 7), Query("", filters: Filter("node", CarryNode.ToString())), Query("加") };
        var before = queries.Select(q => search.Search(q)).ToList();
        search.Compact();
        for (var i = 0; i < queries.Length; i++)
        {
            var after = search.Search(queries[i]);
            after.Total.ShouldBe(before[i].Total);
            // scores may move a little (df no longer counts dead rows); the order does not
            after.Hits.Select(h => h.ResourceId).ShouldBe(before[i].Hits.Select(h => h.ResourceId));
            after.Facets["subject"].ShouldBe(before[i].Facets["subject"]);
        }
        search.Upsert(Figures("认识图形 新课件"));
        search.Search(Query("新课件")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task Compaction_starts_by_itself_once_a_quarter_of_the_rows_are_dead()
    {
        var docs = Enumerable.Range(0, 12_000).Select(i => Carry($"进位加法 练习 {i}", i % 300)).ToArray();
        var search = Index(docs);
        var allBefore = search.Search(Query("练习")).Total;
        foreach (var d in docs.Take(11_000))
        {
            search.Remove(d.ResourceId);
        }
        var clock = Stopwatch.StartNew();
        while (search.TermCount > 2_500 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20); // the dropped rows' number words vanish from the term table only by compaction
        }
        search.TermCount.ShouldBeLessThan(2_500); // 12,000+ before; ~2,000 number words at most after
        allBefore.ShouldBe(12_000);
        var after = search.Search(Query("练习", SearchSort.Newest, size: 100));
        after.Total.ShouldBe(1_000);
        after.Hits.ShouldAllBe(h => docs.Skip(11_000).Any(d => d.ResourceId == h.ResourceId));
    }

    [Fact]
    public void The_module_registers_the_bigram_index_as_one_shared_instance()
    {
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddResources(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).BuildServiceProvider();
        var search = services.GetRequiredService<IResourceSearch>();
        search.ShouldBeOfType<BigramResourceSearch>();
        services.GetRequiredService<IResourceSearch>().ShouldBeSameAs(search);
    }

    [Fact]
    public void A_published_resource_is_searchable_as_soon_as_upsert_returns()
    {
        var search = Index(Enumerable.Range(0, 2000).Select(i => Carry($"进位加法 练习 {i}")).ToArray());
        var fresh = Figures("认识图形 新到课件");
        var clock = Stopwatch.StartNew();
        search.Upsert(fresh);
        search.Search(Query("新到课件")).Hits.Single().ResourceId.ShouldBe(fresh.ResourceId);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(200)); // generous for a shared test machine
    }

    [Fact]
    public async Task Concurrent_writes_during_searches_never_show_torn_or_duplicate_results()
    {
        var stable = Enumerable.Range(0, 500).Select(i => Figures($"认识图形 课件 {i}", i)).ToArray();
        var search = Index(stable);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var churnIds = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        var errors = new List<string>();
        long searches = 0;
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = churnIds[(n * 7 + w) % churnIds.Length];
                if (n++ % 3 == 2)
                {
                    search.Remove(id);
                }
                else
                {
                    search.Upsert(Carry($"进位加法 练习 {n}", n % 100) with { ResourceId = id });
                }
            }
        })).ToArray();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var figures = search.Search(Query("认识图形", size: 100, page: 2));
                var churn = search.Search(Query("进位加法", size: 100));
                Interlocked.Add(ref searches, 2);
                lock (errors)
                {
                    if (figures.Total != 500 || figures.Hits.Count != 100) { errors.Add($"figures {figures.Total}/{figures.Hits.Count}"); }
                    if (churn.Hits.Select(h => h.ResourceId).Distinct().Count() != churn.Hits.Count) { errors.Add("duplicate hit"); }
                    if (churn.Hits.Any(h => !churnIds.Contains(h.ResourceId))) { errors.Add("foreign hit"); }
                }
            }
        })).ToArray();
        await Task.WhenAll([.. writers, .. readers]);
        errors.Take(5).ShouldBeEmpty();
        searches.ShouldBeGreaterThan(10);
        search.Compact();
        var live = search.Search(Query("进位加法", size: 100));
        live.Total.ShouldBeLessThanOrEqualTo(churnIds.Length);
        live.Total.ShouldBe(search.DocumentCount - stable.Length); // one live row per resource id, whatever the interleaving
        live.Hits.Count.ShouldBe((int)Math.Min(live.Total, 100));
    }
}
