using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Students;

/// <summary>The pages, walked like a browser without JavaScript: forms posted with their antiforgery token.</summary>
public sealed class StudentPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_school_administrator_admits_suspends_and_cancels_through_the_pages()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        using var browser = new BrowserSession(factory);
        (await browser.SignInAsync(w.SchoolAdmin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Admission with a bad ID shows the field's message; a good one lands on the new student's page.
        var bad = await browser.SubmitAsync($"/students/new?classId={w.Classes[(1, 1)]}", "admit", new Dictionary<string, string>
        {
            ["name"] = "页面生", ["citizenId"] = "52010220180901001X", ["ethnicity"] = "01", ["classId"] = w.Classes[(1, 1)].ToString(), ["consentGuardianName"] = "家长",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("data-field=\"citizenId\"");
        var admitted = await browser.SubmitAsync($"/students/new?classId={w.Classes[(1, 1)]}", "admit", new Dictionary<string, string>
        {
            ["name"] = "页面生", ["citizenId"] = TestIds.NextCitizenId(birth: "20180901"), ["ethnicity"] = "06", ["classId"] = w.Classes[(1, 1)].ToString(),
            ["consentGuardianName"] = "家长", ["guardianPhone"] = "13900001111", ["effectiveOn"] = "2026-09-01",
        });
        admitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailUrl = admitted.Headers.Location!.OriginalString;
        var id = Guid.Parse(detailUrl.Split('/').Last());

        var list = await browser.Http.GetStringAsync($"/students?schoolId={w.SchoolId}");
        list.ShouldContain("页面生");
        list.ShouldNotContain("13900001111");
        (await browser.Http.GetStringAsync("/students")).ShouldContain($"/students/promotion?schoolId={w.SchoolId}");

        // A date before admission is refused on the page; a proper suspension is recorded.
        var version = (await w.GetAsync(id)).GetProperty("version").GetInt32().ToString();
        var early = await browser.SubmitAsync(detailUrl, "change", new Dictionary<string, string>
        {
            ["kind"] = "Suspension", ["reasonCode"] = "61", ["effectiveOn"] = "2026-08-01", ["version"] = version,
        });
        (await early.Content.ReadAsStringAsync()).ShouldContain("data-field=\"effectiveOn\"");
        var suspended = await browser.SubmitAsync(detailUrl, "change", new Dictionary<string, string>
        {
            ["kind"] = "Suspension", ["reasonCode"] = "61", ["effectiveOn"] = "2026-10-10", ["version"] = version,
        });
        suspended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.GetAsync(id)).GetProperty("status").GetString().ShouldBe("Suspended");
        await w.AssertCensusExactAsync();

        // Submitting the same (now stale) form again is a conflict shown on the page, not a second change.
        var stale = await browser.SubmitAsync(detailUrl, "change", new Dictionary<string, string>
        {
            ["kind"] = "Resumption", ["reasonCode"] = "71", ["effectiveOn"] = "2026-10-11", ["version"] = version,
        });
        (await stale.Content.ReadAsStringAsync()).ShouldContain("该学生的学籍已被他人修改，请刷新后重试");

        var page = await browser.Http.GetStringAsync(detailUrl);
        page.ShouldContain("data-kind=\"Suspension\"");
        var detail = await w.GetAsync(id);
        var cancelled = await browser.SubmitAsync(detailUrl, "cancel", new Dictionary<string, string>
        {
            ["changeId"] = detail.GetProperty("cancellableChangeId").GetGuid().ToString(), ["reasonCode"] = "01",
            ["version"] = detail.GetProperty("version").GetInt32().ToString(),
        });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await w.GetAsync(id)).GetProperty("status").GetString().ShouldBe("Enrolled");
        await w.AssertCensusExactAsync();
    }

    [Fact]
    public async Task The_promotion_page_promotes_with_the_ticked_repeaters()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var stays = await w.AdmitAsync(w.Classes[(1, 1)], "留级生");
        var moves = await w.AdmitAsync(w.Classes[(1, 1)], "升级生");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(w.SchoolAdmin);
        var url = $"/students/promotion?schoolId={w.SchoolId}";
        (await browser.Http.GetStringAsync(url)).ShouldContain("留级生");
        var page = await browser.Http.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", "promote"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("gradeId", ""), new("repeater", stays.Id.ToString()),
        };
        var done = await browser.Http.PostAsync(url, new FormUrlEncodedContent(form));
        (await done.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"promotion-result\"");
        (await w.GetAsync(stays.Id)).GetProperty("gradeLevel").GetInt32().ShouldBe(1);
        (await w.GetAsync(moves.Id)).GetProperty("gradeLevel").GetInt32().ShouldBe(2);
        await w.AssertCensusExactAsync();
    }
}
