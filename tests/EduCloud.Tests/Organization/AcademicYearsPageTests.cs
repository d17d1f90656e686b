using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

/// <summary>/admin/academic-years through the real pipeline: cookie sign-in, antiforgery, the calendar handlers.</summary>
public sealed partial class AcademicYearsPageTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<BrowserSession> SignedInAsync(TestUser user)
    {
        var browser = new BrowserSession(factory);
        (await browser.SignInAsync(user)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<int[]> StartYearsAsync()
    {
        using var api = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        var years = await api.GetFromJsonAsync<JsonElement>("/api/v1/academic-years");
        return years.EnumerateArray().Select(y => y.GetProperty("startYear").GetInt32()).ToArray();
    }

    [Fact]
    public async Task A_province_administrator_opens_a_year_on_the_page_and_sees_it_with_its_terms()
    {
        using var browser = await SignedInAsync(await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000"));
        (await browser.Http.GetStringAsync("/")).ShouldContain("/admin/academic-years");

        var response = await browser.SubmitAsync("/admin/academic-years", "new-year", new Dictionary<string, string> { ["NewYear.StartYear"] = "2091" });
        var html = await response.HtmlAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-start-year=\"2091\"");
        html.ShouldContain("2091-2092学年");
        html.ShouldContain("第一学期：2091-09-01 – 2092-01-31");
        (await StartYearsAsync()).ShouldContain(2091);
        var again = await (await browser.SubmitAsync("/admin/academic-years", "new-year", new Dictionary<string, string> { ["NewYear.StartYear"] = "2091" })).HtmlAsync();
        again.ShouldContain("data-field=\"startYear\">2091-2092学年已存在");
    }

    [Fact]
    public async Task A_county_administrator_sees_the_years_but_cannot_open_one()
    {
        await OrgApi.EnsureYearAsync(factory, 2026);
        using var browser = await SignedInAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

        var page = await browser.Http.GetAsync("/admin/academic-years");
        var html = await page.HtmlAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("2026-2027学年");
        html.ShouldNotContain("value=\"new-year\"");
        html.ShouldNotContain("?edit=");

        // A hand-made post (a token from a page the county admin may use) must not open a year either.
        var token = BrowserSession.AntiforgeryToken(await browser.Http.GetStringAsync("/admin/schools/new"));
        var post = await browser.Http.PostAsync("/admin/academic-years", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-year", ["__RequestVerificationToken"] = token, ["NewYear.StartYear"] = "2094",
        }));
        post.IsSuccessStatusCode.ShouldBeFalse();
        (await StartYearsAsync()).ShouldNotContain(2094);
    }

    [Fact]
    public async Task Invalid_dates_show_field_errors_in_Chinese_and_in_English_and_good_dates_are_saved()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2093);
        using var browser = await SignedInAsync(await factory.CreateUserAsync("NationalAdmin"));
        var url = $"/admin/academic-years?edit={yearId}";
        var fields = new Dictionary<string, string>
        {
            ["Dates.StartsOn"] = "2093-09-01", ["Dates.EndsOn"] = "2093-08-01",
            ["Dates.Terms[0].Number"] = "1", ["Dates.Terms[0].StartsOn"] = "2094-01-31", ["Dates.Terms[0].EndsOn"] = "2093-09-01",
            ["Dates.Terms[1].Number"] = "2", ["Dates.Terms[1].StartsOn"] = "2094-02-01", ["Dates.Terms[1].EndsOn"] = "2094-08-31",
        };

        var chinese = await (await browser.SubmitAsync(url, "year-dates", fields)).HtmlAsync();
        chinese.ShouldContain("class=\"validation-message\" data-field=\"endsOn\">学年结束日期必须晚于开始日期");
        chinese.ShouldContain("data-field=\"terms[0].endsOn\">第一学期结束日期必须晚于开始日期");
        chinese.ShouldContain("value=\"2093-08-01\"");
        var english = await (await browser.SubmitAsync(url + "&culture=en", "year-dates", fields)).HtmlAsync();
        english.ShouldContain("data-field=\"endsOn\">The year must end after it starts");
        english.ShouldContain("Term 1 must end after it starts");

        fields["Dates.EndsOn"] = "2094-08-31";
        fields["Dates.Terms[0].StartsOn"] = "2093-09-01";
        fields["Dates.Terms[0].EndsOn"] = "2094-01-20";
        var saved = await (await browser.SubmitAsync(url, "year-dates", fields)).HtmlAsync();
        saved.ShouldNotContain("validation-message");
        saved.ShouldContain("第一学期：2093-09-01 – 2094-01-20");
    }
}
