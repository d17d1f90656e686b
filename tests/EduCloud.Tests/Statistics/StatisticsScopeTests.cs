using System.Net;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Statistics;

public sealed class StatisticsScopeTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_county_administrator_reads_their_county_and_schools_only()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        var ours = await OrgApi.CreateSchoolAsync(national, "520102", name: "本县小学");
        var theirs = await OrgApi.CreateSchoolAsync(national, "520103", name: "邻县小学");
        await StatsData.AddStudentsAsync(factory, StatsData.School(ours, "520102"), 3);
        await StatsData.AddStudentsAsync(factory, StatsData.School(theirs, "520103"), 9);
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

        var home = await county.StatsAsync("");
        home.GetProperty("node").GetProperty("key").GetString().ShouldBe("520102");
        home.Total().ShouldBe(3);
        home.GetProperty("breadcrumbs").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ShouldBe(["520102"]);
        (await county.StatsAsync(ours.ToString())).Total().ShouldBe(3);

        (await county.GetAsync("/api/v1/stats/students?node=520103")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.GetAsync("/api/v1/stats/students?node=520100")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.GetAsync("/api/v1/stats/students?node=520000")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.GetAsync("/api/v1/stats/students?node=national")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.GetAsync("/api/v1/stats/students.xlsx?node=520000")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var school = await county.GetAsync($"/api/v1/stats/students?node={theirs}");
        school.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await school.Content.ReadAsStringAsync()).ShouldNotContain("students");

        var denied = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .CountAsync(e => e.EntityType == "statistics" && e.Outcome == AuditOutcome.Denied));
        denied.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task A_school_administrator_sees_their_school_and_a_teacher_sees_no_statistics()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        var ours = await OrgApi.CreateSchoolAsync(national, "520102", name: "本校");
        var other = await OrgApi.CreateSchoolAsync(national, "520102", name: "同县他校");
        await StatsData.AddStudentsAsync(factory, StatsData.School(ours, "520102"), 4);
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: ours));
        using var teacher = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", schoolId: ours));

        var home = await admin.StatsAsync("");
        home.GetProperty("node").GetProperty("key").GetString().ShouldBe(ours.ToString());
        home.Total().ShouldBe(4);
        (await admin.GetAsync($"/api/v1/stats/students?node={other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/stats/students?node=520102")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync("/api/v1/stats/students")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_stats_page_shows_totals_children_and_an_export_link()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        var school = await OrgApi.CreateSchoolAsync(national, "520102", name: "页面小学");
        await StatsData.AddStudentsAsync(factory, StatsData.School(school, "520102"), 5);
        var city = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(city);

        var page = await browser.Http.GetAsync("/stats?node=520102&by=sex");
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"total-students\"");
        html.ShouldContain("页面小学");
        html.ShouldContain("/api/v1/stats/students.xlsx?node=520102&amp;by=sex");
        html.ShouldContain("/stats?node=520100");
        html.ShouldNotContain("/stats?node=520000");
        var refused = await (await browser.Http.GetAsync("/stats?node=520000")).Content.ReadAsStringAsync();
        refused.ShouldContain("class=\"error\"");
    }
}
