using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// Issue 5's notice journey on the demo data: the parent opens the demo teacher's 家长会 notice on a phone and
/// acknowledges it with one click; the teacher sees the receipt count move on the notice page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpacesJourney(ServerAndBrowser app)
{
    private const string Title = "关于召开期中家长会的通知";

    [Fact]
    public async Task The_parent_acknowledges_a_notice_and_the_teacher_sees_the_receipt_count_move()
    {
        var teacher = await app.NewPageAsync();
        var parent = await app.NewPageAsync(390, 844); // phone width
        try
        {
            await SignInAsync(teacher, "teacher");
            await teacher.GotoAsync("/spaces/notices");
            await teacher.Locator("[data-testid=sent-notice] a", new() { HasTextString = Title }).ClickAsync();
            await teacher.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var noticeUrl = teacher.Url;
            var before = int.Parse(await teacher.Locator("[data-testid=receipt-ack]").InnerTextAsync());

            await SignInAsync(parent, "parent");
            await parent.GotoAsync("/space");
            await parent.Locator("[data-testid=inbox-notice] a", new() { HasTextString = Title }).ClickAsync();
            await parent.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await parent.Locator("[data-testid=notice] h1").InnerTextAsync()).ShouldBe(Title);
            await parent.Locator("[data-testid=acknowledge]").ClickAsync();
            await parent.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await parent.Locator("[data-testid=acknowledged]").WaitForAsync();
            await ServerAndBrowser.ScreenshotAsync(parent, "spaces-parent-acknowledged");

            await teacher.GotoAsync(noticeUrl);
            (await teacher.Locator("[data-testid=receipt-ack]").InnerTextAsync()).ShouldBe((before + 1).ToString());
            await ServerAndBrowser.ScreenshotAsync(teacher, "spaces-teacher-receipts");
        }
        finally
        {
            await teacher.Context.CloseAsync();
            await parent.Context.CloseAsync();
        }
    }
}
