using System.Net;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using static EduCloud.Tests.Resources.Discovery.DiscoveryApi;

namespace EduCloud.Tests.Resources.Discovery;

/// <summary>The /resources page: search box, catalogue tree, facet and sort links, encoded results.</summary>
public sealed class BrowsePageTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_page_finds_a_chapters_resources_by_its_name_and_walks_the_catalogue()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (api, teacherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        api.Dispose();
        await PublishAsync(factory, provider, ["初中", "语文", "统编版", "七年级上册", "第一单元", "2 济南的冬天"], "老舍散文赏析课件", "courseware");
        await PublishAsync(factory, provider, ["小学", "数学", "人教版", "一年级上册", "7 认识钟表"], "整时练习", "item");

        using var session = new BrowserSession(factory);
        (await session.SignInAsync(teacherUser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The section's name is in no title: the catalogue path is indexed.
        var found = await session.Http.PageAsync("/resources?q=" + Uri.EscapeDataString("济南的冬天"));
        found.ShouldContain("老舍散文赏析课件");
        found.ShouldNotContain("整时练习");
        found.ShouldContain("data-testid=\"facet\" data-code=\"courseware\"");

        // The tree: stages at the top, a stage's subjects below it; a facet link narrows, a sort link sorts.
        var top = await session.Http.PageAsync("/resources");
        top.ShouldContain("data-testid=\"catalogue-node\">小学</a>");
        top.ShouldContain("共 2 条");
        var filtered = await session.Http.PageAsync("/resources?type=item");
        filtered.ShouldContain("整时练习");
        filtered.ShouldNotContain("老舍散文赏析课件");
        (await session.Http.PageAsync("/resources?sort=bestrated")).ShouldContain("评分最高");
        (await session.Http.PageAsync("/resources?sort=cheapest")).ShouldContain("排序方式应为");
    }
}
