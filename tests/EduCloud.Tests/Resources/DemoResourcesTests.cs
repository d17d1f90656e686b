using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Resources.Search;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Resources;

public sealed class DemoResourcesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_demo_province_has_published_resources_one_in_the_queue_and_one_rejected()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        var search = factory.Services.GetRequiredService<IResourceSearch>();
        search.Search(new SearchQuery("", new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Newest, 1, 50, [])).Total.ShouldBe(7); // 6 PDFs and PNGs + the 《春》 micro-lecture video
        search.Search(new SearchQuery("济南的冬天", new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, 1, 50, [])).Total.ShouldBe(1);

        using var reviewer = await factory.ClientForAsync(new TestUser(Guid.Empty, "reviewer", DemoData.Password));
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/resources/review-queue");
        queue.EnumerateArray().Select(q => q.GetProperty("title").GetString()).ShouldBe(["9加几 凑十法练习"]);

        using var teacher = await factory.ClientForAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password));
        var mine = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/mine");
        mine.EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order().ShouldBe(["Published", "Published", "Rejected"]);
        mine.EnumerateArray().Single(r => r.GetProperty("status").GetString() == "Rejected").GetProperty("lastComment").GetString()!.ShouldContain("版权");

        using var provider = await factory.ClientForAsync(new TestUser(Guid.Empty, "provider", DemoData.Password));
        var providerMine = await provider.GetFromJsonAsync<JsonElement>("/api/v1/resources/mine");
        var priced = providerMine.EnumerateArray().Single(r => r.GetProperty("priceCents").GetInt64() > 0).GetProperty("id").GetGuid();
        var picture = providerMine.EnumerateArray().Single(r => r.GetProperty("title").GetString() == "认识钟表 图片素材").GetProperty("id").GetGuid();
        var png = await teacher.GetAsync($"/api/v1/resources/{picture}/file");
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await png.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        (await teacher.GetAsync($"/api/v1/resources/{priced}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
