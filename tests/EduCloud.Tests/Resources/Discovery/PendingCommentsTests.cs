using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;
using static EduCloud.Tests.Resources.Discovery.DiscoveryApi;

namespace EduCloud.Tests.Resources.Discovery;

/// <summary>The moderators' queue of comments waiting across resources: who sees which, and deciding from the queue page.</summary>
public sealed partial class PendingCommentsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly string[] Chun = ["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"];

    [Fact]
    public async Task Each_moderator_sees_the_pending_comments_they_may_decide_and_decides_them_from_the_queue_page()
    {
        var providerUser = await factory.CreateUserAsync("ResourceProvider");
        using var provider = await factory.ClientForAsync(providerUser);
        using var otherProvider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var mine = await PublishAsync(factory, provider, Chun, "《春》 待审评论一");
        var theirs = await PublishAsync(factory, otherProvider, Chun, "《春》 待审评论二");
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        var onMine = await CommentAsync(teacher, mine, "讲得清楚，能否补充朗读音频？");
        var onTheirs = await CommentAsync(teacher, theirs, "第 3 页有错别字");

        var providerQueue = await QueueAsync(provider);
        providerQueue.ShouldContain(onMine);
        providerQueue.ShouldNotContain(onTheirs);
        var reviewerQueue = await QueueAsync(reviewer);
        reviewerQueue.ShouldContain(onMine);
        reviewerQueue.ShouldContain(onTheirs);
        (await QueueAsync(teacher)).ShouldBeEmpty();

        using var session = new BrowserSession(factory);
        (await session.SignInAsync(providerUser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await session.Http.PageAsync("/resources/comments");
        page.ShouldContain("《春》 待审评论一");
        page.ShouldContain("讲得清楚，能否补充朗读音频？");
        page.ShouldNotContain("第 3 页有错别字");
        var token = BrowserSession.AntiforgeryToken(page);
        var decided = await session.Http.PostAsync("/resources/actions/moderate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["resourceId"] = mine.ToString(), ["commentId"] = onMine.ToString(), ["approve"] = "true", ["fromQueue"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        decided.Headers.Location!.OriginalString.ShouldStartWith("/resources/comments?done=comment-approved");

        (await QueueAsync(provider)).ShouldNotContain(onMine);
        (await QueueAsync(reviewer)).ShouldBe([onTheirs], ignoreOrder: true);
        (await session.Http.PageAsync("/resources/comments")).ShouldContain("没有待审核的评论");
    }

    private static async Task<Guid> CommentAsync(HttpClient client, Guid resource, string text)
    {
        var created = await client.PostAsJsonAsync($"/api/v1/resources/{resource}/comments", new { text });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> QueueAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/resources/comments/pending")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
}
