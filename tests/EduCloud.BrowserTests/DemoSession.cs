using System.Text.Json;
using Microsoft.Playwright;

namespace EduCloud.BrowserTests;

/// <summary>Signing in as a demo account and reading the JSON API with the browser's own cookie, for every journey.</summary>
internal static class DemoSession
{
    public const string DemoPassword = "Demo2026";

    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/signin");
        await page.Locator("input[name=UserName]").FillAsync(userName);
        await page.Locator("input[name=Password]").FillAsync(password);
        await page.Locator("form button[type=submit], form input[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The JSON API with the browser's own sign-in cookie: the ground truth the pages are checked against.</summary>
    public static async Task<JsonElement> ApiAsync(IPage page, string path)
    {
        var response = await page.Context.APIRequest.GetAsync(path);
        response.Status.ShouldBe(200, $"{path}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }
}
