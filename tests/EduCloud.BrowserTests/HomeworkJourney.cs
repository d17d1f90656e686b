using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// Issue 5's homework journey on the demo accounts, at phone width: the teacher sets homework for their classes, the
/// student finds it in their to-do list and submits, the teacher marks it, and the parent sees the score and comment.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeworkJourney(ServerAndBrowser app)
{
    [Fact]
    public async Task A_teacher_sets_homework_the_student_submits_the_teacher_marks_and_the_parent_sees_the_score()
    {
        var title = "浏览器作业 " + Guid.NewGuid().ToString("N")[..6];
        var teacher = await app.NewPageAsync(390, 844);
        try
        {
            await SignInAsync(teacher, "teacher");
            await teacher.Locator("[data-testid=link-homework]").ClickAsync();
            await teacher.Locator("[data-testid=hw-new]").ClickAsync();
            var boxes = teacher.Locator("input[name=classIds]");
            for (var i = 0; i < await boxes.CountAsync(); i++)
            {
                await boxes.Nth(i).CheckAsync();
            }
            await teacher.Locator("#title").FillAsync(title);
            await teacher.Locator("#instructions").FillAsync("朗读课文三遍，写下读后感。");
            await teacher.Locator("[data-testid=hw-publish]").ClickAsync();
            await teacher.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await teacher.Locator("[data-testid=hw-done]").CountAsync()).ShouldBe(1);
            (await teacher.Locator("[data-testid=hw-row]", new() { HasTextString = title }).CountAsync()).ShouldBeGreaterThan(0);
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(teacher, "homework-teacher-set");
        }

        var student = await app.NewPageAsync(390, 844);
        string workUrl;
        try
        {
            await SignInAsync(student, "student");
            await student.Locator("[data-testid=link-homework]").ClickAsync();
            await student.Locator("[data-testid=hw-todo-item] a", new() { HasTextString = title }).ClickAsync();
            await student.Locator("#text").FillAsync("读后感：春天来了，万物复苏。");
            await student.Locator("[data-testid=hw-submit]").ClickAsync();
            await student.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await student.Locator("[data-testid=hw-my-submission]").GetAttributeAsync("data-state")).ShouldBe("Submitted");
            workUrl = new Uri(student.Url).AbsolutePath;
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(student, "homework-student-submit");
            await student.Context.CloseAsync();
        }

        try
        {
            await teacher.GotoAsync(workUrl.Replace("/do/", "/", StringComparison.Ordinal));
            (await teacher.Locator("[data-testid=hw-student][data-state=Submitted]").CountAsync()).ShouldBe(1);
            var form = teacher.Locator("[data-testid=hw-submission]").First;
            await form.Locator("[data-testid=hw-score]").FillAsync("95");
            await form.Locator("[data-testid=hw-comment]").FillAsync("感受真切，继续保持");
            await form.Locator("[data-testid=hw-mark-publish]").ClickAsync();
            await teacher.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await teacher.Locator("[data-testid=hw-student][data-state=Marked]").CountAsync()).ShouldBe(1);
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(teacher, "homework-teacher-mark");
            await teacher.Context.CloseAsync();
        }

        var parent = await app.NewPageAsync(390, 844);
        try
        {
            await SignInAsync(parent, "parent");
            await parent.Locator("[data-testid=link-homework]").ClickAsync();
            var item = parent.Locator("[data-testid=hw-done-item]", new() { HasTextString = title });
            (await item.Locator("[data-testid=hw-score]").InnerTextAsync()).ShouldContain("95 / 100");
            (await item.InnerTextAsync()).ShouldContain("感受真切，继续保持");
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(parent, "homework-parent");
            await parent.Context.CloseAsync();
        }
    }
}
