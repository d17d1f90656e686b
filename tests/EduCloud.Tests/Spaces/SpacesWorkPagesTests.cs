using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Server.Demo;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Spaces;

/// <summary>
/// The research-group and region pages on the demo data, walked like a browser without JavaScript: recording an
/// observation with the form, replying in a discussion, reading a plan's version diff, and the bureau's region space.
/// </summary>
public sealed partial class SpacesWorkPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_demo_teacher_records_an_observation_replies_to_a_topic_and_reads_a_plan_diff()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using var teacher = await SignedInAsync("teacher");
        var groupId = GroupLink().Match(await teacher.Http.GetStringAsync("/spaces/groups")).Groups[1].Value;
        var groupPage = await teacher.Http.GetStringAsync($"/spaces/groups/{groupId}");
        groupPage.ShouldContain("data-testid=\"observation-form\"");
        var colleague = ColleagueOption().Match(groupPage).Groups[1].Value;
        colleague.ShouldNotBeEmpty();

        var observed = await PostAsync(teacher, groupPage, $"/spaces/actions/groups/{groupId}/observations", [
            ("teacherId", colleague), ("topic", "《春》公开课"), ("observedOn", "2026-11-20"), ("ratings", "5"), ("ratings", "4"), ("ratings", "4"),
            ("ratings", "5"), ("ratings", "3"), ("strengths", "朗读指导扎实"), ("suggestions", "小组讨论时间偏短")]);
        observed.Headers.Location!.ToString().ShouldBe($"/spaces/groups/{groupId}?done=observed");
        var after = await teacher.Http.GetStringAsync($"/spaces/groups/{groupId}");
        after.ShouldContain("《春》公开课");
        after.ShouldContain("4.2");
        // Four ratings instead of five: back to the page with the reason, and nothing recorded.
        var refused = await PostAsync(teacher, after, $"/spaces/actions/groups/{groupId}/observations", [
            ("teacherId", colleague), ("topic", "不完整的记录"), ("observedOn", "2026-11-21"), ("ratings", "5"), ("ratings", "4"), ("ratings", "4"), ("ratings", "5")]);
        Uri.UnescapeDataString(refused.Headers.Location!.ToString()).ShouldContain("各打 1-5 分");
        (await teacher.Http.GetStringAsync($"/spaces/groups/{groupId}")).ShouldNotContain("不完整的记录");

        await PostAsync(teacher, after, $"/spaces/actions/groups/{groupId}/posts", [("title", "朗读课怎么评价？"), ("body", "请大家说说评价量规。")]);
        var topicId = TopicLink().Match(await teacher.Http.GetStringAsync($"/spaces/groups/{groupId}")).Groups[1].Value;
        var topicPage = await teacher.Http.GetStringAsync($"/spaces/groups/{groupId}/topics/{topicId}");
        topicPage.ShouldContain("请大家说说评价量规。");
        var replied = await PostAsync(teacher, topicPage, $"/spaces/actions/groups/{groupId}/posts", [("parentId", topicId), ("body", "从流利、准确、有感情三方面。")]);
        replied.Headers.Location!.ToString().ShouldBe($"/spaces/groups/{groupId}/topics/{topicId}?done=posted");
        (await teacher.Http.GetStringAsync($"/spaces/groups/{groupId}/topics/{topicId}")).ShouldContain("data-testid=\"topic-reply\"");

        var planId = PlanLink().Match(await teacher.Http.GetStringAsync("/spaces/plans")).Groups[1].Value;
        (await teacher.Http.GetStringAsync($"/spaces/plans/{planId}")).ShouldContain($"href=\"/spaces/plans/{planId}/diff?from=1&amp;to=2\"");
        var diff = await teacher.Http.GetStringAsync($"/spaces/plans/{planId}/diff?from=1&to=2");
        diff.ShouldContain("小结：仿写一段春景</ins>"); // "+" arrives encoded as &#x2B;
        diff.ShouldContain("初读：读准字音</del>");
        diff.ShouldContain("<ins data-testid=\"diff-added\">");
        (await teacher.Http.GetStringAsync($"/spaces/plans/{planId}/diff?from=1&to=9")).ShouldContain("没有第 9 版");
    }

    [Fact]
    public async Task The_county_bureau_reads_its_region_space_and_not_a_neighbours()
    {
        await DemoData.SeedIfEmptyAsync(factory.Services, NullLogger.Instance, CancellationToken.None);
        using var county = await SignedInAsync("nm_admin");
        (await county.Http.GetStringAsync("/space")).ShouldContain("href=\"/spaces/region/520102\"");
        var region = await county.Http.GetStringAsync("/spaces/region/520102");
        region.ShouldContain("关于开展国家智慧教育平台应用培训的通知");
        region.ShouldContain("data-testid=\"space-child\" href=\"/spaces/school/");
        (await county.Http.GetStringAsync("/spaces/region/520103")).ShouldContain("data-testid=\"refused\"");

        using var school = await SignedInAsync("school_admin");
        (await school.Http.GetStringAsync("/spaces/region/520102")).ShouldContain("关于开展国家智慧教育平台应用培训的通知");
        using var province = await SignedInAsync("gz_admin");
        (await province.Http.GetStringAsync("/spaces/region/520000")).ShouldContain("href=\"/spaces/region/520100\"");
    }

    private async Task<BrowserSession> SignedInAsync(string userName)
    {
        var session = new BrowserSession(factory);
        (await session.SignInAsync(new TestUser(Guid.Empty, userName, DemoData.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string page, string action, IEnumerable<(string Key, string Value)> fields)
    {
        var token = BrowserSession.AntiforgeryToken(page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        var response = await session.Http.PostAsync(action, new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response;
    }

    [GeneratedRegex("href=\"/spaces/groups/([0-9a-f-]{36})\"")]
    private static partial Regex GroupLink();

    [GeneratedRegex("<select id=\"teacherId\" name=\"teacherId\" required>\\s*<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ColleagueOption();

    [GeneratedRegex("href=\"/spaces/groups/[0-9a-f-]{36}/topics/([0-9a-f-]{36})\"")]
    private static partial Regex TopicLink();

    [GeneratedRegex("href=\"/spaces/plans/([0-9a-f-]{36})\"")]
    private static partial Regex PlanLink();
}
