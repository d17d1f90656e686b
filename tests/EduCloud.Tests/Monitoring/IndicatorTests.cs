using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Monitoring.Domain;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Monitoring;

public sealed class IndicatorTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    // 520102 南明区 and 520103 云岩区 of 520100 贵阳市; 520201 钟山区 of 520200 六盘水市.
    [Fact]
    public async Task Values_per_school_and_the_rollup_over_county_city_province_and_nation_are_right_for_a_known_dataset()
    {
        var chain = await Chain.CreateAsync(factory, "520102");
        var yunyan = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        var zhongshan = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520201"));
        var lps = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", "520200"));
        var (a, adminA) = await chain.SchoolAsync(factory, "520102", "Rural", "甲小学"); // 100/10 = 10 ≥ 5 met
        var (b, adminB) = await chain.SchoolAsync(factory, "520102", "Rural", "乙小学"); // 30/10 = 3 < 5
        var (c, adminC) = await chain.SchoolAsync(factory, "520102", "Town", "丙小学"); // 50/10 = 5 < 10 (town)
        var (d, adminD) = await chain.SchoolAsync(factory, "520103", "Rural", "丁小学"); // 60/6 = 10 ≥ 5 met
        var (e, adminE) = await chain.SchoolAsync(factory, "520201", "Rural", "戊小学"); // 8/4 = 2 < 5, no multimedia
        await chain.ApprovedAsync(adminA, MonitoringApi.Valid(bandwidth: 100));
        await chain.ApprovedAsync(adminB, MonitoringApi.Valid(bandwidth: 30));
        await chain.ApprovedAsync(adminC, MonitoringApi.Valid(bandwidth: 50));
        await chain.ApprovedAsync(adminD, MonitoringApi.Valid(bandwidth: 60, classes: 6), county: yunyan);
        var other = new Chain { National = chain.National, County = zhongshan, City = lps, Province = chain.Province };
        await other.ApprovedAsync(adminE, MonitoringApi.Valid(bandwidth: 8, classes: 4, multimedia: 0));

        var county = await MonitoringApi.DashboardAsync(chain.County, "bandwidthPerClass", "520102");
        Figure(county.GetProperty("summary")).ShouldBe((3, 3, 1, 6.0));
        county.GetProperty("schools").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("met").GetBoolean()))
            .ShouldBe([("丙小学", false), ("乙小学", false), ("甲小学", true)]); // not met first

        var city = await MonitoringApi.DashboardAsync(chain.City, "bandwidthPerClass", "520100");
        Figure(city.GetProperty("summary")).ShouldBe((4, 4, 2, 7.0));
        var counties = city.GetProperty("children").EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!, x => Figure(x.GetProperty("figure")));
        counties["520102"].ShouldBe((3, 3, 1, 6.0));
        counties["520103"].ShouldBe((1, 1, 1, 10.0));
        city.GetProperty("children")[0].GetProperty("name").GetString().ShouldBe("南明区"); // the lower share first

        var province = await MonitoringApi.DashboardAsync(chain.Province, "bandwidthPerClass", "520000");
        Figure(province.GetProperty("summary")).ShouldBe((5, 5, 2, 6.0));
        province.GetProperty("children").EnumerateArray().Select(x => x.GetProperty("key").GetString()).Order().ShouldBe(["520100", "520200"]);
        Figure((await MonitoringApi.DashboardAsync(chain.National, "bandwidthPerClass", "national")).GetProperty("summary")).ShouldBe((5, 5, 2, 6.0));

        // Another indicator over the same returns: one school without a multimedia classroom.
        var hasMultimedia = await MonitoringApi.DashboardAsync(chain.Province, "hasMultimedia", "520000");
        Figure(hasMultimedia.GetProperty("summary")).ShouldBe((5, 5, 4, 0.8));
        // An indicator with no national target is averaged but never "met".
        var perTerminal = await MonitoringApi.DashboardAsync(chain.Province, "studentsPerTerminal", "520000");
        perTerminal.GetProperty("summary").GetProperty("withTarget").GetInt32().ShouldBe(0);
        perTerminal.GetProperty("summary").GetProperty("average").GetDouble().ShouldBe(10);

        // Scope: a county reads itself, not its neighbour or its city; a school reads itself with every indicator.
        (await chain.County.GetAsync("/api/v1/monitoring/dashboard?node=520103")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chain.County.GetAsync("/api/v1/monitoring/dashboard?node=520100")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await chain.County.GetAsync($"/api/v1/monitoring/dashboard?node={d}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await (await adminE.GetAsync("/api/v1/monitoring/dashboard")).Content.ReadFromJsonAsync<JsonElement>();
        own.GetProperty("node").GetProperty("key").GetString().ShouldBe(e.ToString());
        var detail = own.GetProperty("schoolDetail").EnumerateArray().ToDictionary(x => x.GetProperty("key").GetString()!);
        detail["bandwidthPerClass"].GetProperty("value").GetDouble().ShouldBe(2);
        detail["bandwidthPerClass"].GetProperty("met").GetBoolean().ShouldBeFalse();
        detail["hasMultimedia"].GetProperty("met").GetBoolean().ShouldBeFalse();
        detail["broadband"].GetProperty("met").GetBoolean().ShouldBeTrue();
        _ = (a, b, c);
    }

    [Fact]
    public void Formulas_and_targets_by_category_and_year_come_from_data()
    {
        var values = new Dictionary<string, double> { ["exportBandwidthMbps"] = 50, ["classes"] = 10, ["multimediaClassrooms"] = 12 };
        Formula.Parse("exportBandwidthMbps / classes").Evaluate(values).ShouldBe(5);
        Formula.Parse("(multimediaClassrooms / classes) * (multimediaClassrooms <= classes) + (multimediaClassrooms > classes)").Evaluate(values).ShouldBe(1);
        Formula.Parse("exportBandwidthMbps / students").Evaluate(values).ShouldBeNull(); // a missing field gives no value
        Formula.Parse("exportBandwidthMbps / (classes - 10)").Evaluate(values).ShouldBeNull(); // nor does a division by zero
        Formula.Parse("!(classes > 3) || exportBandwidthMbps >= 50 && classes != 9").Evaluate(values).ShouldBe(1);
        Should.Throw<FormatException>(() => Formula.Parse("classes >")).Message.ShouldContain("第10个字符");

        IReadOnlyList<IndicatorTarget> targets = [new("Town", 2017, 4), new("Rural", 2017, 2), new("Town", 2020, 10), new("Rural", 2020, 5), new("*", 2017, 1)];
        IndicatorTarget.For(targets, "Town", 2018).ShouldBe(4);
        IndicatorTarget.For(targets, "Town", 2026).ShouldBe(10);
        IndicatorTarget.For(targets, "Rural", 2020).ShouldBe(5);
        IndicatorTarget.For(targets, "Urban", 2026).ShouldBe(1); // only the "*" target applies
        IndicatorTarget.For(targets, "Town", 2016).ShouldBeNull();
    }

    private static (int Schools, int WithTarget, int Met, double Average) Figure(JsonElement f) =>
        (f.GetProperty("schools").GetInt32(), f.GetProperty("withTarget").GetInt32(), f.GetProperty("met").GetInt32(), Math.Round(f.GetProperty("average").GetDouble(), 6));
}
