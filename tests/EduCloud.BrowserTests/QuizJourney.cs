using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// Issue 5's self-test journey on the demo data, at phone width: the demo student opens their open quiz from the home
/// page, starts it, answers every item on the one-page form (no script), submits and sees the automatic score.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuizJourney(ServerAndBrowser app)
{
    [Fact]
    public async Task The_demo_student_takes_a_self_test_and_sees_the_automatic_score()
    {
        var page = await app.NewPageAsync(390, 844);
        try
        {
            await SignInAsync(page, "student");
            await page.Locator("[data-testid=link-quizzes]").ClickAsync();
            await page.Locator("[data-testid=open-quiz]", new() { HasTextString = "综合自测（一）" }).Locator("[data-testid=take-quiz]").ClickAsync();
            await page.Locator("[data-testid=start]").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var questions = page.Locator("[data-testid=question]");
            (await questions.CountAsync()).ShouldBe(5);
            await questions.Nth(0).Locator("input[value=B]").CheckAsync();
            await questions.Nth(1).Locator("input[value=A]").CheckAsync();
            await questions.Nth(1).Locator("input[value=C]").CheckAsync();
            await questions.Nth(2).Locator("input[value=T]").CheckAsync();
            await questions.Nth(3).Locator("input").Nth(0).FillAsync("啼鸟");
            await questions.Nth(3).Locator("input").Nth(1).FillAsync("李白");
            await questions.Nth(4).Locator("textarea").FillAsync("需要阳光、水和二氧化碳。");
            await ServerAndBrowser.ScreenshotAsync(page, "quiz-attempt");
            await page.Locator("[data-testid=submit]").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // 2 + 3 + 1 + one blank of two (2) = 8 of 15; the short answer waits for the teacher.
            var score = await page.Locator("[data-testid=score]").InnerTextAsync();
            score.ShouldContain("8 / 15");
            score.ShouldContain("简答题待批阅");
            await ServerAndBrowser.ScreenshotAsync(page, "quiz-result");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
