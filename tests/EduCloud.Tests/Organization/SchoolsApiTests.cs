using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

public sealed class SchoolsApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static object NewSchool(string code, string region = "520102", string name = "测试小学") =>
        new { code, name, stages = new[] { "Primary" }, urbanRural = "Urban", regionCode = region, address = "测试路1号" };

    [Fact]
    public async Task County_admin_creates_a_school_in_their_county_and_sees_only_their_county()
    {
        var nanming = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var yunyan = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var nanmingClient = await factory.ClientForAsync(nanming);
        using var yunyanClient = await factory.ClientForAsync(yunyan);

        var ours = TestIds.NextSchoolCode();
        (await nanmingClient.PostAsJsonAsync("/api/v1/schools", NewSchool(ours))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var theirs = TestIds.NextSchoolCode();
        (await yunyanClient.PostAsJsonAsync("/api/v1/schools", NewSchool(theirs, "520103"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var list = await nanmingClient.GetFromJsonAsync<JsonElement>("/api/v1/schools?size=200");
        var codes = list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        codes.ShouldContain(ours);
        codes.ShouldNotContain(theirs);
    }

    [Fact]
    public async Task County_admin_cannot_create_a_school_in_another_county()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);

        var response = await client.PostAsJsonAsync("/api/v1/schools", NewSchool(TestIds.NextSchoolCode(), "520103"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_school_code_whose_province_digits_do_not_match_the_region_is_refused_with_the_field_named()
    {
        var admin = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var client = await factory.ClientForAsync(admin);

        var response = await client.PostAsJsonAsync("/api/v1/schools", NewSchool("2144000001"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("code")[0].GetString()!.ShouldContain("省级代码");
    }
}
