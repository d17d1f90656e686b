using System.Text;
using ClosedXML.Excel;
using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>Issue 3's browser journey: a school administrator imports a class list with an error, downloads the
/// report, fixes the row in the report and uploads just that row again.</summary>
public sealed partial class Journeys
{
    private static readonly string[] ImportHeaders = ["姓名", "性别", "出生日期", "公民身份号码", "学籍号", "民族", "户口性质", "户籍所在地", "是否留守儿童", "是否随迁子女", "残疾类型", "年级", "班级", "入学年月", "监护人姓名", "监护人关系", "监护人电话"];

    [Fact]
    public async Task A_school_admin_imports_a_class_list_fixes_the_error_report_and_reimports()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "student-import", async () =>
        {
            await SignInAsync(page, "school_admin");
            var stamp = DateTime.UtcNow;
            var good = BrowserId(new DateOnly(2019, 1 + stamp.Minute % 12, 1 + stamp.Second % 28), stamp.Millisecond % 500 * 2 + 1);
            var wrong = BrowserId(new DateOnly(2019, 1 + stamp.Minute % 12, 2 + stamp.Second % 27), stamp.Millisecond % 500 * 2);
            var badCheck = wrong[..17] + (wrong[17] == '1' ? '2' : '1');
            var csv = "\uFEFF" + string.Join(",", ImportHeaders) + "\r\n"
                + $"浏览器甲,男,,{good},,汉族,农业,520102,否,否,无,一年级,1班,,,,\r\n"
                + $"浏览器乙,女,,{badCheck},,苗族,农业,520102,否,否,无,一年级,1班,,,,\r\n";

            await page.GotoAsync("/students/import");
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await page.Locator("input[value=ValidRowsOnly]").CheckAsync();
            await page.Locator("[data-testid=import-submit]").ClickAsync();
            var job = page.Locator("[data-testid=import-job][data-status=Succeeded]");
            await job.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            (await page.Locator("[data-testid=import-failed]").InnerTextAsync()).Trim().ShouldBe("1");
            await ServerAndBrowser.ScreenshotAsync(page, "student-import-errors");

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=error-report]").ClickAsync());
            var reportPath = Path.Combine(Path.GetTempPath(), "educloud-report-" + Guid.NewGuid().ToString("N") + ".xlsx");
            await download.SaveAsAsync(reportPath);
            using (var book = new XLWorkbook(reportPath))
            {
                var sheet = book.Worksheet(1);
                sheet.Cell(2, 1).GetString().ShouldBe("浏览器乙");
                sheet.Cell(2, 18).GetString().ShouldContain("第3行 公民身份号码：校验码不正确");
                sheet.Cell(2, 4).SetValue(wrong);
                book.Save();
            }

            await page.Locator("input[type=file]").SetInputFilesAsync(reportPath);
            await page.Locator("input[value=AllOrNothing]").CheckAsync();
            await page.Locator("[data-testid=import-submit]").ClickAsync();
            await page.Locator("[data-testid=import-job][data-status=Succeeded]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            (await page.Locator("[data-testid=import-failed]").InnerTextAsync()).Trim().ShouldBe("0");
            (await page.Locator("[data-testid=import-message]").InnerTextAsync()).ShouldContain("新增1人");
            File.Delete(reportPath);
        });
    }

    private static string BrowserId(DateOnly birth, int sequence)
    {
        var first17 = "520102" + birth.ToString("yyyyMMdd") + (sequence % 1000).ToString("D3");
        var weights = new[] { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
