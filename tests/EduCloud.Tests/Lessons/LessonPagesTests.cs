using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Lessons;

/// <summary>The demo contest on the SSR pages: a teacher's entry, the county's review queue and its buttons, the public results.</summary>
public sealed partial class LessonPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_demo_round_shows_on_the_pages_and_the_county_scores_and_recommends_from_the_queue()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using (var teacher = new BrowserSession(factory))
        {
            (await teacher.SignInAsync(new TestUser(Guid.Empty, "teacher", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var page = await teacher.Http.GetStringAsync("/lessons");
            page.ShouldContain("朗读中的春天");
            page.ShouldContain("data-status=\"Submitted\"");
            page.ShouldContain("市级优课");
            page.ShouldContain("没有正在晒课的活动");
        }

        using var county = new BrowserSession(factory);
        (await county.SignInAsync(new TestUser(Guid.Empty, "nm_admin", DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var queue = await county.Http.GetStringAsync("/lessons/review");
        queue.ShouldContain("朗读中的春天");
        queue.ShouldContain("89");
        var entryId = EntryId().Match(queue).Groups[1].Value;
        var token = BrowserSession.AntiforgeryToken(queue);

        var over = await county.Http.PostAsync("/lessons/actions/score", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["entryId"] = entryId, ["p:教学设计"] = "25", ["p:教学实施"] = "36", ["p:教学效果"] = "18", ["p:技术应用"] = "18",
        }));
        over.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(over.Headers.Location!.ToString()).ShouldContain("「教学设计」的得分须在0到20之间");

        var recommend = await county.Http.PostAsync("/lessons/actions/decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["entryId"] = entryId, ["trigger"] = "Recommend",
        }));
        recommend.Headers.Location!.ToString().ShouldBe("/lessons/review?done=Recommend");
        (await county.Http.GetStringAsync("/lessons/review")).ShouldContain("data-status=\"CountyRecommended\"");

        using var anonymous = factory.CreateClient();
        var results = await anonymous.GetStringAsync("/lessons/results");
        results.ShouldContain("五幅春景图");
        results.ShouldContain("data-award=\"City\"");
        (await anonymous.GetStringAsync("/lessons/results?region=110000")).ShouldContain("没有获奖课例");
    }

    [GeneratedRegex("name=\"entryId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex EntryId();
}
