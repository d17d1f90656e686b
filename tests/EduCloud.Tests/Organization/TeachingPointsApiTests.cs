using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

public sealed class TeachingPointsApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task County_admin_opens_lists_retires_and_reinstates_a_teaching_point_of_a_central_school()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client, name: "某某中心小学");

        var point = await client.CreatedAsync("/api/v1/teaching-points", new { centralSchoolId = schoolId, name = "高坡教学点", regionCode = "520102", address = "村委会旁" });
        point.GetProperty("urbanRural").GetString().ShouldBe("Rural");
        var pointId = point.GetProperty("id").GetGuid();

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/teaching-points");
        list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["高坡教学点"]);

        (await client.PutAsJsonAsync($"/api/v1/teaching-points/{pointId}", new { name = "高坡村教学点", regionCode = "520102" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/api/v1/teaching-points/{pointId}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/teaching-points")).GetArrayLength().ShouldBe(0);
        (await client.PostAsync($"/api/v1/teaching-points/{pointId}/reinstate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var back = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/teaching-points");
        back[0].GetProperty("name").GetString().ShouldBe("高坡村教学点");
    }

    [Fact]
    public async Task A_teaching_point_in_another_province_than_its_central_school_is_refused()
    {
        var admin = await factory.CreateUserAsync("NationalAdmin");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/teaching-points", new { centralSchoolId = schoolId, name = "跨省教学点", regionCode = "530102" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Errors("regionCode").ShouldContain("教学点必须与中心校在同一省份");
    }

    [Fact]
    public async Task A_teaching_point_needs_a_county_level_region()
    {
        var admin = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/teaching-points", new { centralSchoolId = schoolId, name = "教学点", regionCode = "520100" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Errors("regionCode").ShouldContain("学校必须设在县级行政区划下");
    }

    [Fact]
    public async Task Another_county_admin_cannot_see_or_attach_teaching_points_to_a_school_outside_their_county()
    {
        var nanming = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var yunyan = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var nanmingClient = await factory.ClientForAsync(nanming);
        using var yunyanClient = await factory.ClientForAsync(yunyan);
        var schoolId = await OrgApi.CreateSchoolAsync(nanmingClient);

        (await yunyanClient.GetAsync($"/api/v1/schools/{schoolId}/teaching-points")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await yunyanClient.PostAsJsonAsync("/api/v1/teaching-points", new { centralSchoolId = schoolId, name = "越权教学点", regionCode = "520103" });
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
