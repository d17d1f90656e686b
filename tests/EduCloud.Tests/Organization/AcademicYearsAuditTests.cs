using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Organization;

/// <summary>The academic-years page audits its refusals like the API does: bad input as a failed change, a hand-made post without the role as denied.</summary>
public sealed partial class AcademicYearsAuditTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Bad_input_on_the_academic_years_page_is_audited_as_a_failed_change()
    {
        var province = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(province);

        var response = await browser.SubmitAsync("/admin/academic-years", "new-year", new Dictionary<string, string> { ["NewYear.StartYear"] = "1990" });

        (await response.HtmlAsync()).ShouldContain("data-field=\"startYear\"");
        var lines = await LinesAsync(province.Id);
        lines.ShouldContain(l => l.Action == AuditActions.Create && l.Outcome == AuditOutcome.Failed && l.Details.Contains("startYear"));
    }

    [Fact]
    public async Task A_hand_made_post_by_a_county_administrator_is_refused_and_audited_as_denied()
    {
        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(county);
        var token = BrowserSession.AntiforgeryToken(await browser.Http.GetStringAsync("/admin/schools/new"));

        var post = await browser.Http.PostAsync("/admin/academic-years", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-year", ["__RequestVerificationToken"] = token, ["NewYear.StartYear"] = "2095",
        }));

        post.IsSuccessStatusCode.ShouldBeFalse();
        (await LinesAsync(county.Id)).ShouldContain(l => l.Action == AuditActions.Denied && l.Outcome == AuditOutcome.Denied && l.EntityType == "AcademicYear");
    }

    private Task<List<AuditEntry>> LinesAsync(Guid actorId) => factory.AsPlatformAsync(sp =>
        sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().Where(e => e.ActorId == actorId).ToListAsync());
}
