using System.Text.Json;
using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// Issue 4's market and 一师一优课 pages in a real browser on the demo data: the county sets a school's budget, the
/// school administrator buys the priced demo courseware on its detail page, sees the order and takes it back; the
/// county scores and recommends the demo lesson entry on the review queue, and the public results page shows awards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MarketJourney(ServerAndBrowser app)
{
    private const string Priced = "有理数的加法 精讲课件";

    [Fact]
    public async Task The_county_funds_a_school_whose_administrator_buys_on_the_detail_page_and_refunds_on_the_orders_page()
    {
        var admin = await app.NewPageAsync(390, 844);
        var county = await app.NewPageAsync();
        try
        {
            await SignInAsync(admin, "school_admin");
            var me = await ApiAsync(admin, "/api/v1/me");
            var schoolId = me.GetProperty("places")[0].GetProperty("schoolId").GetGuid();
            var schoolName = me.GetProperty("places")[0].GetProperty("nodeName").GetString()!;
            var hit = (await ApiAsync(admin, "/api/v1/resources/search?q=" + Uri.EscapeDataString(Priced))).GetProperty("hits")[0];
            var resourceId = hit.GetProperty("id").GetGuid();

            await SignInAsync(county, "nm_admin");
            await county.GotoAsync("/resources/budgets?q=" + Uri.EscapeDataString(schoolName));
            var row = county.Locator($"[data-testid=school-budget][data-school='{schoolId}']");
            await row.Locator("input[name=yuan]").FillAsync("100");
            await row.Locator("input[name=note]").FillAsync("资源采购经费");
            await row.Locator("button[type=submit]").ClickAsync();
            await county.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await county.Locator("[data-testid=action-done]").InnerTextAsync()).ShouldContain("预算已保存");

            await admin.GotoAsync($"/resources/{resourceId}");
            (await admin.Locator("[data-testid=buy-panel]").GetAttributeAsync("data-owned")).ShouldBe("false");
            (await admin.Locator("[data-testid=price]").InnerTextAsync()).ShouldBe("¥19.90");
            (await admin.Locator("[data-testid=budget-left]").InnerTextAsync()).ShouldBe("¥100.00");
            await admin.Locator("[data-testid=buy-form] button").ClickAsync();
            await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await admin.Locator("[data-testid=buy-panel]").GetAttributeAsync("data-owned")).ShouldBe("true");
            (await admin.Locator("[data-testid=budget-left]").InnerTextAsync()).ShouldBe("¥80.10");
            await ServerAndBrowser.ScreenshotAsync(admin, "market-bought");

            await admin.GotoAsync("/resources/orders");
            var order = admin.Locator("[data-testid=order]", new() { HasTextString = Priced });
            (await order.CountAsync()).ShouldBe(1);
            await order.Locator("input[name=reason]").FillAsync("与学校已有资源重复");
            await order.Locator("[data-testid=refund-form] button").ClickAsync();
            await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await admin.Locator("[data-testid=action-done]").InnerTextAsync()).ShouldContain("已退款");
            (await admin.Locator("[data-testid=order]", new() { HasTextString = Priced }).Locator("[data-testid=refunded]").CountAsync()).ShouldBe(1);
            (await admin.Locator("[data-testid=balance]").First.InnerTextAsync()).ShouldBe("¥100.00");
            await ServerAndBrowser.ScreenshotAsync(admin, "market-refunded");
        }
        finally
        {
            await admin.Context.CloseAsync();
            await county.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_county_scores_and_recommends_the_demo_lesson_and_the_public_sees_the_awards()
    {
        var county = await app.NewPageAsync();
        try
        {
            await SignInAsync(county, "nm_admin");
            await county.GotoAsync("/lessons/review");
            var item = county.Locator("[data-testid=review-item]", new() { HasTextString = "朗读中的春天" });
            (await item.CountAsync()).ShouldBe(1);
            var inputs = item.Locator("[data-testid=score-form] input[type=number]");
            (await inputs.CountAsync()).ShouldBe(4);
            foreach (var (index, points) in new[] { (0, "18"), (1, "30"), (2, "16"), (3, "17") })
            {
                await inputs.Nth(index).FillAsync(points);
            }
            await item.Locator("[data-testid=score-form] button").ClickAsync();
            await county.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await county.Locator("[data-testid=action-done]").CountAsync()).ShouldBe(1);

            await county.Locator("[data-testid=review-item]", new() { HasTextString = "朗读中的春天" }).Locator("[data-testid=decide-Recommend] button").ClickAsync();
            await county.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await county.Locator("[data-testid=review-item]", new() { HasTextString = "朗读中的春天" }).GetAttributeAsync("data-status")).ShouldBe("CountyRecommended");
            await ServerAndBrowser.ScreenshotAsync(county, "lessons-review");
        }
        finally
        {
            await county.Context.CloseAsync();
        }

        var anonymous = await app.NewPageAsync(390, 844);
        try
        {
            await anonymous.GotoAsync("/lessons/results");
            (await anonymous.Locator("[data-testid=award][data-award=City]").CountAsync()).ShouldBeGreaterThan(0);
            (await anonymous.ContentAsync()).ShouldContain("五幅春景图");
        }
        finally
        {
            await anonymous.Context.CloseAsync();
        }
    }
}
