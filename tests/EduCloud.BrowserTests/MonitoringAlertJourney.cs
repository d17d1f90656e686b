using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>Issue 6: a county administrator reads the dashboard down to a school, then handles the county's alert.</summary>
public sealed partial class Journeys
{
    [Fact]
    public async Task A_county_admin_drills_down_to_a_school_then_acknowledges_and_closes_the_county_alert()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "monitoring-alerts", async () =>
        {
            await SignInAsync(page, "nm_admin");
            await page.GotoAsync("/monitoring?indicator=bandwidthPerClass");
            (await page.Locator("[data-testid=monitoring-summary]").InnerTextAsync()).ShouldContain("南明区");
            (await page.Locator("[data-testid=trend-year]").CountAsync()).ShouldBe(2); // 2025 and 2026
            var schools = page.Locator("[data-testid=monitoring-school] a");
            (await schools.CountAsync()).ShouldBeGreaterThan(0);
            var name = (await schools.First.InnerTextAsync()).Trim();
            await schools.First.ClickAsync();
            await page.Locator("[data-testid=monitoring-school-detail]").WaitForAsync();
            (await page.Locator("[data-testid=breadcrumbs]").InnerTextAsync()).ShouldContain(name);
            await ServerAndBrowser.ScreenshotAsync(page, "monitoring-school");

            await page.Locator("[data-testid=alerts-link]").ClickAsync();
            var row = page.Locator("[data-testid=alert-row][data-rule=county-teacher-training-low]");
            (await row.GetAttributeAsync("data-mine")).ShouldBe("true");
            await row.Locator("a").ClickAsync();
            await page.Locator("[data-testid=alert-action-Acknowledge] button").ClickAsync();
            (await page.Locator("[data-testid=alert-status]").InnerTextAsync()).ShouldBe("已确认");

            await page.Locator("[data-testid=alert-action-Close] button").ClickAsync(); // no note yet
            (await page.Locator("[data-testid=action-error]").InnerTextAsync()).ShouldContain("关闭预警时请填写处理说明");
            await page.Locator("[data-testid=alert-action-Close] textarea[name=note]").FillAsync("已通知各校12月底前完成全员培训");
            await page.Locator("[data-testid=alert-action-Close] button").ClickAsync();
            (await page.Locator("[data-testid=alert-status]").InnerTextAsync()).ShouldBe("已关闭");
            var history = page.Locator("[data-testid=alert-event]");
            (await history.CountAsync()).ShouldBe(3);
            (await history.Last.InnerTextAsync()).ShouldContain("已通知各校12月底前完成全员培训");
        });
    }
}
