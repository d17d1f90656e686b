using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Resources;

public sealed partial class ResourcePagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<BrowserSession> SignedInAsync(TestUser user)
    {
        var session = new BrowserSession(factory);
        (await session.SignInAsync(user)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    private static string Token(string html) => BrowserSession.AntiforgeryToken(html);

    [Fact]
    public async Task A_teacher_uploads_on_the_page_a_reviewer_rejects_on_the_queue_and_the_teacher_sees_the_comment()
    {
        var (api, teacherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        api.Dispose();
        using var teacher = await SignedInAsync(teacherUser);
        var picker = await teacher.Http.PageAsync("/resources/upload");
        picker.ShouldContain("data-testid=\"volume-picker\"");
        var volume = Regex.Match(picker, "<option value=\"([0-9a-f-]{36})\"[^>]*>初中 / 语文 / 统编版 / 七年级上册</option>").Groups[1].Value;
        volume.ShouldNotBeEmpty();

        var form = await teacher.Http.PageAsync($"/resources/upload?volume={volume}");
        var node = Regex.Match(form, "<option value=\"([0-9a-f-]{36})\">\u00a0*2 济南的冬天</option>").Groups[1].Value;
        node.ShouldNotBeEmpty();
        var title = "《济南的冬天》课件 <b>3<5</b> " + Guid.NewGuid().ToString("N")[..6];
        using var body = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent(node), "Model.CatalogueNodeId" },
            { new StringContent(title), "Model.Title" },
            { new StringContent("courseware"), "Model.TypeCode" },
            { new StringContent("zh"), "Model.LanguageCode" },
            { new StringContent("platform"), "Model.LicenceCode" },
            { new StringContent("Basic"), "Model.Kind" },
            { new StringContent("true"), "Model.Submit" },
            { new ByteArrayContent(ResourceApi.Pdf("济南")), "File", "济南的冬天.pdf" },
        };
        // Markup in the title is refused with a message on the page.
        var refused = await teacher.Http.PostAsync($"/resources/upload?volume={volume}", body);
        var refusedHtml = await refused.HtmlAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusedHtml.ShouldContain("标题不能包含HTML标记");

        var cleanTitle = "《济南的冬天》课件 3<5 " + Guid.NewGuid().ToString("N")[..6];
        using var good = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent(node), "Model.CatalogueNodeId" },
            { new StringContent(cleanTitle), "Model.Title" },
            { new StringContent("courseware"), "Model.TypeCode" },
            { new StringContent("zh"), "Model.LanguageCode" },
            { new StringContent("platform"), "Model.LicenceCode" },
            { new StringContent("Basic"), "Model.Kind" },
            { new StringContent("true"), "Model.Submit" },
            { new ByteArrayContent(ResourceApi.Pdf("济南")), "File", "济南的冬天.pdf" },
        };
        var posted = await teacher.Http.PostAsync($"/resources/upload?volume={volume}", good);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.HtmlAsync());
        var detailUrl = posted.Headers.Location!.OriginalString;
        var detail = await teacher.Http.GetStringAsync(detailUrl);
        // Text is rendered encoded: "3<5" appears as 3&lt;5, never as markup.
        detail.ShouldContain("3&lt;5");
        detail.ShouldContain("<iframe src=\"/api/v1/resources/");

        var reviewer = await factory.CreateUserAsync("ResourceReviewer", "520000");
        using var review = await SignedInAsync(reviewer);
        var queue = await review.Http.PageAsync("/resources/review");
        queue.ShouldContain(cleanTitle);
        var mine = Regex.Match(queue, Regex.Escape(cleanTitle) + "[\\s\\S]*?name=\"versionId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        mine.ShouldNotBeEmpty();
        var start = await review.Http.PostAsync("/resources/actions/transition", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(queue), ["versionId"] = mine, ["trigger"] = "StartFirstReview", ["returnUrl"] = "/resources/review",
        }));
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.ShouldContain("done=StartFirstReview");
        var queue2 = await review.Http.PageAsync("/resources/review");
        var reject = await review.Http.PostAsync("/resources/actions/transition", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(queue2), ["versionId"] = mine, ["trigger"] = "Reject", ["comment"] = "请补充课文朗读音频的版权来源", ["returnUrl"] = "/resources/review",
        }));
        reject.Headers.Location!.OriginalString.ShouldContain("done=Reject");

        var myPage = await teacher.Http.PageAsync("/resources/mine");
        myPage.ShouldContain("请补充课文朗读音频的版权来源");
        myPage.ShouldContain("data-status=\"Rejected\"");
        myPage.ShouldContain("提交新版本");
        var again = await teacher.Http.PageAsync(detailUrl.Split('?')[0]);
        again.ShouldContain("版本与审核记录");
        Regex.Count(again, "data-testid=\"event\"").ShouldBe(4);
    }

    [Fact]
    public async Task A_provider_sets_price_and_licence_term_on_the_upload_page_and_a_bad_term_is_refused_there()
    {
        using var provider = await SignedInAsync(await factory.CreateUserAsync("ResourceProvider"));
        var picker = await provider.Http.PageAsync("/resources/upload");
        var volume = Regex.Match(picker, "<option value=\"([0-9a-f-]{36})\"[^>]*>初中 / 语文 / 统编版 / 七年级上册</option>").Groups[1].Value;
        var form = await provider.Http.PageAsync($"/resources/upload?volume={volume}");
        form.ShouldContain("id=\"licence-years\"");
        var node = Regex.Match(form, "<option value=\"([0-9a-f-]{36})\">\u00a0*2 济南的冬天</option>").Groups[1].Value;
        var title = "《济南的冬天》精品课 " + Guid.NewGuid().ToString("N")[..6];
        MultipartFormDataContent Body(string years) => new()
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(Token(form)), "__RequestVerificationToken" },
            { new StringContent(node), "Model.CatalogueNodeId" },
            { new StringContent(title), "Model.Title" },
            { new StringContent("courseware"), "Model.TypeCode" },
            { new StringContent("zh"), "Model.LanguageCode" },
            { new StringContent("platform"), "Model.LicenceCode" },
            { new StringContent("Personalised"), "Model.Kind" },
            { new StringContent("19.90"), "Model.PriceYuan" },
            { new StringContent(years), "Model.LicenceYears" },
            { new StringContent("520000"), "Model.RegionCode" },
            { new ByteArrayContent(ResourceApi.Pdf("济南")), "File", "济南的冬天.pdf" },
        };

        using var tooLong = Body("11");
        var refused = await provider.Http.PostAsync($"/resources/upload?volume={volume}", tooLong);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.HtmlAsync()).ShouldContain("授权期限应为1到10年");

        using var good = Body("3");
        var posted = await provider.Http.PostAsync($"/resources/upload?volume={volume}", good);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.HtmlAsync());
        var detail = await provider.Http.PageAsync(posted.Headers.Location!.OriginalString);
        detail.ShouldContain("¥19.90");
        detail.ShouldContain("<span data-testid=\"licence-term\">3年</span>");
    }

    [Fact]
    public async Task The_catalogue_page_lists_stages_and_lets_an_administrator_add_a_node()
    {
        using var admin = await SignedInAsync(await factory.CreateUserAsync("NationalAdmin"));
        var page = await admin.Http.PageAsync("/resources/catalogue");
        page.ShouldContain("小学");
        page.ShouldContain("初中");
        var stage = Regex.Match(page, "href=\"/resources/catalogue\\?node=([0-9a-f-]{36})\">小学<").Groups[1].Value;
        var added = await admin.Http.SubmitAsync($"/resources/catalogue?node={stage}", "add-node", new Dictionary<string, string> { ["Add.Name"] = "科学" });
        (await added.HtmlAsync()).ShouldContain("已新增");
        (await admin.Http.PageAsync($"/resources/catalogue?node={stage}")).ShouldContain(">科学</a>");

        using var provider = await SignedInAsync(await factory.CreateUserAsync("ResourceProvider"));
        (await provider.Http.PageAsync("/resources/catalogue")).ShouldNotContain("新增下级节点");
    }
}
