using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// The demo parent at phone width: from the home page to their children's self-tests (one section per child), then to
/// the learning timeline (学习生涯记录) of a child, filtered to self-tests. The demo `student` finished 第一单元自测 last
/// week; the filters and paging themselves are covered by the HTTP tests (ChildAttemptsAndEditTests, LearningTimelineTests).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParentLearningJourney(ServerAndBrowser app)
{
    [Fact]
    public async Task The_demo_parent_opens_the_childrens_self_tests_and_a_timeline()
    {
        var page = await app.NewPageAsync(390, 844);
        try
        {
            await SignInAsync(page, "parent");
            await page.Locator("[data-testid=link-child-quizzes]").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await page.Locator("[data-testid=child-attempts]").CountAsync()).ShouldBe(2);
            (await page.Locator("[data-testid=child-attempts]", new() { HasTextString = "第一单元自测" }).CountAsync()).ShouldBe(1);
            await ServerAndBrowser.ScreenshotAsync(page, "parent-child-quizzes");

            await page.GotoAsync(app.BaseUrl + "/timeline");
            (await page.Locator("h1").InnerTextAsync()).ShouldContain("学习生涯记录");
            await page.Locator("#kind").SelectOptionAsync("quiz");
            await page.Locator("[data-testid=timeline-filter] button").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            page.Url.ShouldContain("kind=quiz");
            (await page.Locator(".error").CountAsync()).ShouldBe(0);
            await ServerAndBrowser.ScreenshotAsync(page, "parent-timeline");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
