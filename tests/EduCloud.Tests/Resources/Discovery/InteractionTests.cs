using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;
using static EduCloud.Tests.Resources.Discovery.DiscoveryApi;

namespace EduCloud.Tests.Resources.Discovery;

/// <summary>Favourites, ratings and moderated comments over HTTP, and what the detail page shows of them.</summary>
public sealed class InteractionTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly string[] Chun = ["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"];

    [Fact]
    public async Task Favourites_toggle_and_list_mine_only()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 收藏测试");
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var (other, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _o = other;

        (await OkAsync(await teacher.PostAsync($"/api/v1/resources/{id}/favourite", null))).GetProperty("favourite").GetBoolean().ShouldBeTrue();
        var mine = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/favourites");
        mine.EnumerateArray().Select(f => f.GetProperty("title").GetString()).ShouldBe(["《春》 收藏测试"]);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/resources/favourites")).GetArrayLength().ShouldBe(0);

        (await OkAsync(await teacher.PostAsync($"/api/v1/resources/{id}/favourite", null))).GetProperty("favourite").GetBoolean().ShouldBeFalse();
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/favourites")).GetArrayLength().ShouldBe(0);
        (await teacher.PostAsync($"/api/v1/resources/{Guid.NewGuid()}/favourite", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task A_rating_outside_one_to_five_is_refused_naming_the_field(int stars)
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 评分校验 " + stars);
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var response = await RateAsync(teacher, id, stars);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("stars")[0].GetString().ShouldBe("评分（stars）应为 1 到 5 之间的整数");
        (await OkAsync(await teacher.GetAsync($"/api/v1/resources/{id}/rating"))).GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task One_rating_per_person_rating_again_replaces_it_and_the_average_shows_on_the_page()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 评分平均");
        var (teacher, teacherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var (other, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _o = other;
        await OkAsync(await RateAsync(teacher, id, 2));
        await OkAsync(await RateAsync(teacher, id, 5)); // replaces the 2
        var summary = await OkAsync(await RateAsync(other, id, 4));
        summary.GetProperty("count").GetInt32().ShouldBe(2);
        summary.GetProperty("average").GetDouble().ShouldBe(4.5);
        (await OkAsync(await teacher.GetAsync($"/api/v1/resources/{id}/rating"))).GetProperty("mine").GetInt32().ShouldBe(5);

        using var session = new BrowserSession(factory);
        (await session.SignInAsync(teacherUser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await session.Http.PageAsync($"/resources/{id}");
        html.ShouldContain("data-average=\"4.50\" data-count=\"2\"");
    }

    [Fact]
    public async Task Comments_show_to_others_only_once_approved_and_markup_shows_as_text()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var id = await PublishAsync(factory, provider, Chun, "《春》 评论审核");
        var (teacher, teacherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var (other, otherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _o = other;
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        const string attack = "很好用 <script>alert('x')</script><img src=x onerror=alert(1)>";

        var created = await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/comments", new { text = attack });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var comment = await created.JsonAsync();
        comment.GetProperty("status").GetString().ShouldBe("Pending");
        var commentId = comment.GetProperty("id").GetGuid();

        // Pending: the author and the moderators see it, another teacher does not.
        (await other.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/comments")).GetArrayLength().ShouldBe(0);
        (await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/comments")).GetArrayLength().ShouldBe(1);
        (await provider.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/comments")).GetArrayLength().ShouldBe(1);
        // Only the owner or a reviewer of the resource moderates.
        (await other.PostAsync($"/api/v1/resources/comments/{commentId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.PostAsync($"/api/v1/resources/comments/{commentId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await OkAsync(await reviewer.PostAsync($"/api/v1/resources/comments/{commentId}/approve", null))).GetProperty("status").GetString().ShouldBe("Approved");

        var seen = await other.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/comments");
        seen.EnumerateArray().Single().GetProperty("text").GetString().ShouldBe(attack);

        // The page shows the markup as text: encoded, never as a live element.
        using var session = new BrowserSession(factory);
        (await session.SignInAsync(otherUser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var raw = await (await session.Http.GetAsync($"/resources/{id}")).Content.ReadAsStringAsync();
        raw.ShouldContain("&lt;script&gt;alert(");
        raw.ShouldNotContain("<script>alert");
        raw.ShouldNotContain("<img src=x");

        // A rejected comment disappears for others; an empty one is refused with the field named.
        var second = await (await other.PostAsJsonAsync($"/api/v1/resources/{id}/comments", new { text = "广告 加微信" })).JsonAsync();
        await OkAsync(await provider.PostAsync($"/api/v1/resources/comments/{second.GetProperty("id").GetGuid()}/reject", null));
        (await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}/comments")).GetArrayLength().ShouldBe(1);
        var empty = await teacher.PostAsJsonAsync($"/api/v1/resources/{id}/comments", new { text = "  " });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.JsonAsync()).GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldContain("评论内容");
    }
}
