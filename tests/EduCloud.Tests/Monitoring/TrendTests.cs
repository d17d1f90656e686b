using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Monitoring;

/// <summary>The yearly snapshot behind the trend charts, over real HTTP.</summary>
public sealed class TrendTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Each_approved_year_is_a_point_of_the_trend_at_the_school_and_at_its_county()
    {
        await MonitoringApi.PublishFormAsync(factory, 2025);
        var chain = await Chain.CreateAsync(factory, "520121");
        var (schoolId, school) = await chain.SchoolAsync(factory, "520121", "Town", "趋势小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 80), year: 2025); // 8 < 10 (town)
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 110), year: 2026); // 11 ≥ 10

        var atSchool = await chain.County.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/trends?indicator=bandwidthPerClass&node={schoolId}");
        atSchool.GetProperty("years").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("met").GetInt32(), y.GetProperty("average").GetDouble()))
            .ShouldBe([(2025, 0, 8.0), (2026, 1, 11.0)]);
        var atCounty = await chain.City.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/trends?indicator=bandwidthPerClass&node=520121");
        atCounty.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("shareMet").GetDouble()).ShouldBe([0.0, 1.0]);

        var outside = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520122"));
        (await outside.GetAsync("/api/v1/monitoring/trends?indicator=bandwidthPerClass&node=520121")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outside.GetAsync($"/api/v1/monitoring/trends?indicator=bandwidthPerClass&node={schoolId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var session = new BrowserSession(factory);
        await session.SignInAsync(await factory.CreateUserAsync("CountyAdmin", "520121"));
        var page = await session.Http.GetStringAsync("/monitoring?indicator=bandwidthPerClass&node=520121");
        page.ShouldContain("data-testid=\"monitoring-trend\"");
        page.ShouldContain("data-year=\"2025\"");
    }
}
