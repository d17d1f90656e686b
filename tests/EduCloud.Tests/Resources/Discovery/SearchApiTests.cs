using System.Net;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;
using static EduCloud.Tests.Resources.Discovery.DiscoveryApi;

namespace EduCloud.Tests.Resources.Discovery;

/// <summary>
/// GET /api/v1/resources/search over real published resources: 1-, 2- and longer queries, chapter names, facets,
/// filters, sorts by rating and use, school-only resources. One test: the fixture's index holds only what it publishes.
/// </summary>
public sealed class SearchApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly string[] Chun = ["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"];
    private static readonly string[] Youlishu = ["初中", "数学", "人教版", "七年级上册", "第一章 有理数", "1.3 有理数的加减法"];
    private static readonly string[] Zhongbiao = ["小学", "数学", "人教版", "一年级上册", "7 认识钟表"];

    [Fact]
    public async Task Search_finds_by_one_two_and_more_characters_by_chapter_with_facets_sorts_and_school_visibility()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var (otherTeacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _o = otherTeacher;

        var lesson = await PublishAsync(factory, provider, Chun, "朱自清散文朗读教学设计", "design", description: "品味比喻与拟人");
        var adding = await PublishAsync(factory, provider, Youlishu, "有理数加法 精讲课件", "courseware", description: "数学课堂例题");
        var clock = await PublishAsync(factory, provider, Zhongbiao, "数学游戏：认识整时", "media", "zhongbiao.pdf");
        var ours = await PublishAsync(factory, teacher, Youlishu, "本校数学导学案", "design", kind: "SchoolBased", region: null);

        // 2 characters: the common word 数学 (trigram indexes miss it), in titles, descriptions and the subject name.
        var maths = await SearchAsync(teacher, "q=" + Uri.EscapeDataString("数学"));
        Ids(maths).ShouldBe([adding, clock, ours], ignoreOrder: true);
        // 1 character, and longer phrases.
        Ids(await SearchAsync(teacher, "q=" + Uri.EscapeDataString("春"))).ShouldBe([lesson]);
        Ids(await SearchAsync(teacher, "q=" + Uri.EscapeDataString("有理数"))).ShouldBe([adding, ours], ignoreOrder: true);
        Ids(await SearchAsync(teacher, "q=" + Uri.EscapeDataString("有理数加法"))).ShouldBe([adding]);
        // The school-based resource only for its school: another school's teacher does not find it.
        Ids(await SearchAsync(otherTeacher, "q=" + Uri.EscapeDataString("数学"))).ShouldBe([adding, clock], ignoreOrder: true);

        // A chapter's and a section's names find their resources though no title says them.
        Ids(await SearchAsync(teacher, "q=" + Uri.EscapeDataString("第一单元"))).ShouldBe([lesson]);
        Ids(await SearchAsync(teacher, "q=" + Uri.EscapeDataString("认识钟表"))).ShouldBe([clock]);

        // Facets count the whole match; filters narrow it (several values of one facet are OR-ed).
        maths.GetProperty("total").GetInt64().ShouldBe(3);
        Facet(maths, "stage", "junior").ShouldBe(2);
        Facet(maths, "stage", "primary").ShouldBe(1);
        Facet(maths, "type", "design").ShouldBe(1);
        maths.GetProperty("facets").GetProperty("stage").EnumerateArray().First().GetProperty("name").GetString().ShouldBe("初中");
        Ids(await SearchAsync(teacher, "q=" + Uri.EscapeDataString("数学") + "&stage=primary")).ShouldBe([clock]);
        Ids(await SearchAsync(teacher, "type=media,design&subject=shuxue")).ShouldBe([clock, ours], ignoreOrder: true);
        Ids(await SearchAsync(teacher, "kind=school")).ShouldBe([ours]);
        var volume = await ResourceApi.NodeAsync(teacher, "初中", "数学", "人教版", "七年级上册");
        Ids(await SearchAsync(teacher, $"node={volume}")).ShouldBe([adding, ours], ignoreOrder: true);

        // Sorts: best rated follows the ratings, most used follows downloads.
        (await RateAsync(teacher, clock, 5)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RateAsync(otherTeacher, clock, 4)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RateAsync(teacher, adding, 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rated = await SearchAsync(teacher, "q=" + Uri.EscapeDataString("数学") + "&sort=bestrated");
        Ids(rated)[..2].ShouldBe([clock, adding]);
        rated.GetProperty("hits")[0].GetProperty("ratingAverage").GetDouble().ShouldBe(4.5);
        rated.GetProperty("hits")[0].GetProperty("ratingCount").GetInt32().ShouldBe(2);
        for (var i = 0; i < 3; i++)
        {
            (await teacher.GetAsync($"/api/v1/resources/{adding}/file?download=true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await teacher.GetAsync($"/api/v1/resources/{ours}/file?download=true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var used = await SearchAsync(teacher, "q=" + Uri.EscapeDataString("数学") + "&sort=mostused");
        Ids(used).ShouldBe([adding, ours, clock]);
        used.GetProperty("hits")[0].GetProperty("useCount").GetInt64().ShouldBe(3);
        // A player's range requests are not uses.
        (await teacher.GetAsync($"/api/v1/resources/{clock}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(teacher, "sort=mostused")).GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == clock).GetProperty("useCount").GetInt64().ShouldBe(0);

        // Paging.
        var page2 = await SearchAsync(teacher, "sort=newest&size=2&page=2");
        page2.GetProperty("total").GetInt64().ShouldBe(4);
        Ids(page2).ShouldBe([adding, lesson]);

        // Bad input: a Chinese message naming the field.
        var bad = await teacher.GetAsync("/api/v1/resources/search?sort=cheapest&size=500");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.JsonAsync();
        problem.GetProperty("errors").GetProperty("sort")[0].GetString()!.ShouldContain("排序方式");
        problem.GetProperty("errors").GetProperty("size")[0].GetString()!.ShouldContain("每页条数");
    }
}
