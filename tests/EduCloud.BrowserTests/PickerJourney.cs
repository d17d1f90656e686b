using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>Admission at phone width with the class chosen from the school's classes rather than typed as an id.</summary>
public sealed partial class Journeys
{
    [Fact]
    public async Task A_school_admin_admits_a_student_into_a_class_chosen_from_the_picker()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "student-admission-picker", async () =>
        {
            await SignInAsync(page, "school_admin");
            await page.GotoAsync("/students/new");
            var classes = page.Locator("[data-testid=class-select]");
            await classes.WaitForAsync();
            var options = await classes.Locator("option").AllAsync();
            options.Count.ShouldBeGreaterThan(1);
            var classId = await options[1].GetAttributeAsync("value");
            var className = (await options[1].InnerTextAsync()).Trim();
            await classes.SelectOptionAsync(classId!);

            var stamp = DateTime.UtcNow;
            var name = "拾取" + stamp.ToString("mmssfff");
            await page.Locator("#name").FillAsync(name);
            await page.Locator("#citizenId").FillAsync(BrowserId(new DateOnly(2019, 1 + stamp.Minute % 12, 1 + stamp.Second % 28), 500 + stamp.Millisecond % 499));
            await page.Locator("#consentGuardianName").FillAsync("家长");
            await page.Locator("form.card button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/students/[0-9a-f-]{36}$"));

            var detail = await page.Locator("[data-testid=student-detail]").InnerTextAsync();
            detail.ShouldContain(name);
            detail.ShouldContain(className.Split(' ').Last());
        });
    }
}
