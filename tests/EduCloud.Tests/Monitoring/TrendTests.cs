using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Features.Trends;
using EduCloud.Monitoring.Indicators;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Moving_one_school_at_a_time_leaves_the_same_snapshot_as_retaking_the_whole_year()
    {
        await MonitoringApi.PublishFormAsync(factory, 2024);
        var chain = await Chain.CreateAsync(factory, "520123");
        var (_, first) = await chain.SchoolAsync(factory, "520123", "Town", "增量一小");
        var (_, second) = await chain.SchoolAsync(factory, "520123", "Rural", "增量二小");
        var firstReturn = await chain.ApprovedAsync(first, MonitoringApi.Valid(bandwidth: 80, multimedia: 3), year: 2024); // the year's first: taken whole
        await chain.ApprovedAsync(second, MonitoringApi.Valid(bandwidth: 70, classes: 6, multimedia: 6), year: 2024); // added to the regions
        await MonitoringApi.StepAsync(chain.Province, firstReturn, "SendBack", "请核实带宽").OkAsync(); // taken away again

        var moved = await SnapshotAsync();
        moved.ShouldNotBeEmpty();
        moved.ShouldContain(r => r.Node == "520123" && r.Schools == 1);
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoringDbContext>();
            var rollup = await sp.GetRequiredService<IndicatorBoard>().CurrentAsync(db, CancellationToken.None);
            await TakeYearlySnapshot.HandleAsync(db, rollup.Indicators, 2024, DateTime.UtcNow, CancellationToken.None);
            return 0;
        });
        var retaken = await SnapshotAsync();
        // Regions that lost their last school keep a row of zeros when moved; retaken, they have none.
        moved.Where(r => r.Schools > 0).ShouldBe(retaken, ignoreOrder: false);
    }

    private Task<List<(string Node, string Key, int Schools, int WithValue, int WithTarget, int Met, double Sum)>> SnapshotAsync() => factory.AsPlatformAsync(async sp =>
        (await sp.GetRequiredService<MonitoringDbContext>().IndicatorYears.AsNoTracking().Where(x => x.Year == 2024).ToListAsync())
            .Select(x => (x.Node, x.IndicatorKey, x.Schools, x.WithValue, x.WithTarget, x.Met, Math.Round(x.Sum, 9)))
            .OrderBy(x => x.Node, StringComparer.Ordinal).ThenBy(x => x.IndicatorKey, StringComparer.Ordinal).ToList());
}
