using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Resources.Market;

public sealed partial class MarketPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<BrowserSession> SignedInAsync(TestUser user)
    {
        var session = new BrowserSession(factory);
        (await session.SignInAsync(user)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    /// <summary>Posts a plain form of a page (not a Blazor EditForm) with the page's antiforgery token, as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string page, string action, Dictionary<string, string> fields)
    {
        var html = await session.Http.PageAsync(page);
        fields["__RequestVerificationToken"] = BrowserSession.AntiforgeryToken(html);
        return await session.Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_bureau_sets_the_budget_the_school_administrator_buys_on_the_detail_page_and_both_sides_see_the_order()
    {
        var providerUser = await factory.CreateUserAsync("ResourceProvider");
        using var providerApi = await factory.ClientForAsync(providerUser);
        var (id, _) = await MarketApi.PublishAsync(factory, providerApi, "匀速直线运动 微课", priceCents: 8_050);
        var countyUser = await factory.CreateUserAsync("CountyAdmin", "520102");
        using var countyApi = await factory.ClientForAsync(countyUser);
        var (schoolId, _) = await TeacherApi.SchoolWithClassAsync(factory, countyApi, "520102", "页面购买小学");
        var adminUser = await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId);

        // The bureau types 300.5 yuan on the budget page.
        using var county = await SignedInAsync(countyUser);
        var budgets = await county.Http.PageAsync("/resources/budgets?q=页面购买");
        budgets.ShouldContain($"data-school=\"{schoolId}\"");
        var saved = await PostAsync(county, "/resources/budgets?q=页面购买", "/resources/actions/budget",
            new() { ["schoolId"] = schoolId.ToString(), ["yuan"] = "300.5", ["note"] = "春季学期" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe("/resources/budgets?done=allocated");
        Regex.Match(await county.Http.PageAsync("/resources/budgets?q=页面购买"), $"data-school=\"{schoolId}\">.*?data-testid=\"allocated\">([^<]+)<", RegexOptions.Singleline)
            .Groups[1].Value.ShouldBe("¥300.50");
        var bad = await PostAsync(county, "/resources/budgets", "/resources/actions/budget", new() { ["schoolId"] = schoolId.ToString(), ["yuan"] = "1.234" });
        Uri.UnescapeDataString(bad.Headers.Location!.ToString()).ShouldContain("预算金额应在0到10亿元之间");

        // The school administrator sees the price, the budget left, buys, and the panel says it is licensed.
        using var admin = await SignedInAsync(adminUser);
        var detail = await admin.Http.PageAsync($"/resources/{id}");
        detail.ShouldContain("data-testid=\"buy-panel\" data-owned=\"false\"");
        detail.ShouldContain("<strong data-testid=\"price\">¥80.50</strong>");
        detail.ShouldContain("<span data-testid=\"budget-left\">¥300.50</span>");
        var bought = await PostAsync(admin, $"/resources/{id}", "/resources/actions/buy", new() { ["resourceId"] = id.ToString() });
        bought.Headers.Location!.ToString().ShouldBe($"/resources/{id}?done=bought");
        var after = await admin.Http.PageAsync($"/resources/{id}?done=bought");
        after.ShouldContain("data-owned=\"true\"");
        after.ShouldContain("¥220.00");
        // The button is gone; a replayed post (token from another page of the session) is refused.
        var again = await PostAsync(admin, "/resources/budgets", "/resources/actions/buy", new() { ["resourceId"] = id.ToString() });
        Uri.UnescapeDataString(again.Headers.Location!.ToString()).ShouldContain("无需重复购买");

        var orders = await admin.Http.PageAsync("/resources/orders");
        PageForms.Count(orders, "data-testid=\"order\"").ShouldBe(1);
        orders.ShouldContain("匀速直线运动 微课");
        orders.ShouldContain("<td data-testid=\"balance\">¥220.00</td>");

        // A teacher sees no buy panel; the provider sees the revenue.
        using var provider = await SignedInAsync(providerUser);
        (await provider.Http.PageAsync($"/resources/{id}")).ShouldNotContain("buy-panel");
        var revenue = await provider.Http.PageAsync("/resources/revenue");
        revenue.ShouldContain("<strong data-testid=\"revenue-total\">¥80.50</strong>");
        PageForms.Count(revenue, "data-testid=\"revenue-line\"").ShouldBe(1);

        // Within seven days the school administrator takes it back on the orders page, with a reason.
        orders.ShouldContain("data-testid=\"refund-form\"");
        var refunded = await PostAsync(admin, "/resources/orders", "/resources/actions/refund",
            new() { ["orderId"] = Regex.Match(orders, "name=\"orderId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value, ["reason"] = "买错了版本" });
        refunded.Headers.Location!.ToString().ShouldBe("/resources/orders?done=refunded");
        var afterRefund = await admin.Http.PageAsync("/resources/orders?done=refunded");
        afterRefund.ShouldContain("已退款：经费已退回本校预算，授权已收回");
        afterRefund.ShouldContain("data-testid=\"refunded\"");
        afterRefund.ShouldContain("<td data-testid=\"balance\">¥300.50</td>");
        afterRefund.ShouldNotContain("data-testid=\"refund-form\"");
        (await provider.Http.PageAsync("/resources/revenue")).ShouldContain("<strong data-testid=\"revenue-total\">¥0.00</strong>");
    }
}
