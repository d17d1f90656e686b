using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Monitoring;

public sealed partial class MonitoringPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_school_fills_and_submits_on_the_pages_the_county_approves_and_the_dashboard_table_shows_it_without_javascript()
    {
        var chain = await Chain.CreateAsync(factory);
        var schoolId = await MonitoringApi.CreateSchoolAsync(chain.National, "520102", "Town", "页面小学");
        using var school = new BrowserSession(factory);
        (await school.SignInAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var started = await PostAsync(school, "/monitoring/returns", "/monitoring/actions/start", new() { ["year"] = "2026" });
        var page = started.Split('?')[0];
        page.ShouldStartWith("/monitoring/returns/");
        var id = page["/monitoring/returns/".Length..];
        var values = MonitoringApi.Valid(bandwidth: 50).ToDictionary(v => "v." + v.Key, v => v.Value is bool b ? (b ? "true" : "false") : Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!);
        values["v.classrooms"] = "10";
        values["v.multimediaClassrooms"] = "12";
        values["id"] = id;
        (await PostAsync(school, page, "/monitoring/actions/save", values)).ShouldContain("done=Save");
        var html = await school.Http.GetStringAsync(page);
        html.ShouldContain("<span class=\"validation-message\" data-field=\"multimediaClassrooms\">多媒体教室数（12）不能超过教室数（10）</span>");
        (await PostAsync(school, page, "/monitoring/actions/step", new() { ["id"] = id, ["trigger"] = "Submit" })).ShouldContain("error=");

        values["v.multimediaClassrooms"] = "9";
        await PostAsync(school, page, "/monitoring/actions/save", values);
        (await PostAsync(school, page, "/monitoring/actions/step", new() { ["id"] = id, ["trigger"] = "Submit" })).ShouldContain("done=Submit");
        (await school.Http.GetStringAsync(page)).ShouldContain("data-status=\"Submitted\"");

        using var county = new BrowserSession(factory);
        await county.SignInAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        (await county.Http.GetStringAsync("/monitoring/returns?year=2026")).ShouldContain("页面小学");
        (await PostAsync(county, page, "/monitoring/actions/step", new() { ["id"] = id, ["trigger"] = "Approve" })).ShouldContain("done=Approve");
        await MonitoringApi.StepAsync(chain.City, Guid.Parse(id), "Approve").OkAsync();
        await MonitoringApi.StepAsync(chain.Province, Guid.Parse(id), "Approve").OkAsync();

        var dashboard = await county.Http.GetStringAsync("/monitoring?indicator=bandwidthPerClass&node=520102");
        dashboard.ShouldContain("data-testid=\"monitoring-schools\"");
        var row = SchoolRow().Match(dashboard);
        row.Success.ShouldBeTrue(dashboard);
        row.Groups["met"].Value.ShouldBe("False"); // 50 Mbit/s over 10 classes = 5 < 10 for a town school
        row.Value.ShouldContain("页面小学");
        row.Value.ShouldContain("未达标");
        (await county.Http.GetAsync("/monitoring?node=520103")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.Http.GetStringAsync("/monitoring?node=520103")).ShouldContain("无权查看该地区的监测数据");
    }

    /// <summary>Takes the antiforgery token from a page, posts a form action, and returns where it redirects.</summary>
    private static async Task<string> PostAsync(BrowserSession session, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var html = await session.Http.GetStringAsync(pageUrl);
        var token = BrowserSession.AntiforgeryToken(html);
        fields["__RequestVerificationToken"] = token;
        var response = await session.Http.PostAsync(action, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return WebUtility.UrlDecode(response.Headers.Location!.ToString());
    }

    [GeneratedRegex("<tr data-testid=\"monitoring-school\" data-met=\"(?<met>[^\"]*)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex SchoolRow();
}
