using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Spaces;

/// <summary>区域空间 over real HTTP: the bureau's notices into its region, the 30-day activity, the way down, and who may look.</summary>
public sealed class RegionSpaceTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string County = "520113"; // 白云区, used by no other test of this fixture

    [Fact]
    public async Task A_county_bureau_sees_its_notices_read_rates_and_schools_and_neighbours_do_not()
    {
        var w = await SpacesWorld.CreateAsync(factory, County);
        using var bureau = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", County));
        var noticeId = await SpacesWorld.SentNoticeAsync(bureau, new { title = "白云区教师培训通知", body = "下周三培训。", schoolIds = new[] { w.SchoolId }, audience = "Staff", needsAcknowledgement = true });
        using var admin = await w.ClientAsync(w.SchoolAdmin);
        (await admin.GetAsync($"/api/v1/spaces/notices/{noticeId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var space = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/region/{County}");
        space.GetProperty("name").GetString().ShouldBe("白云区");
        space.GetProperty("level").GetString().ShouldBe("县级");
        space.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("title").GetString()).ShouldBe(["白云区教师培训通知"]);
        var activity = space.GetProperty("activity");
        activity.GetProperty("notices").GetInt32().ShouldBe(1);
        var recipients = activity.GetProperty("recipients").GetInt32();
        recipients.ShouldBeGreaterThanOrEqualTo(3); // two teachers and the school administrator
        activity.GetProperty("readPercent").GetInt32().ShouldBe((int)Math.Round(100.0 / recipients));
        space.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain(w.SchoolId.ToString());

        // Staff of a school in the county read it (the notices they received), without the list of schools.
        var staffView = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/region/{County}");
        staffView.GetProperty("notices").GetArrayLength().ShouldBe(1);
        staffView.GetProperty("children").GetArrayLength().ShouldBe(0);

        // The city bureau above reads it; a neighbouring county, another city and a parent from elsewhere do not.
        using var city = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", "520100"));
        (await city.GetFromJsonAsync<JsonElement>("/api/v1/spaces/region/520100")).GetProperty("children").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).ShouldContain(County);
        (await city.GetAsync($"/api/v1/spaces/region/{County}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var neighbour = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        (await neighbour.GetAsync($"/api/v1/spaces/region/{County}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A county bureau belongs to its city's space (it reads the city bureau's notices to it), as a school belongs to its county's.
        (await neighbour.GetAsync("/api/v1/spaces/region/520100")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var otherCity = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", "520200"));
        (await otherCity.GetAsync($"/api/v1/spaces/region/{County}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_malformed_or_unknown_region_code_is_refused_with_a_reason()
    {
        using var province = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var bad = await province.GetAsync("/api/v1/spaces/region/5201");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).Errors("code").ShouldContain("区域代码应为6位行政区划代码");
        (await province.GetAsync("/api/v1/spaces/region/529999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await province.GetFromJsonAsync<JsonElement>("/api/v1/spaces/region/520000");
        own.GetProperty("level").GetString().ShouldBe("省级");
        own.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("贵阳市");
    }
}
