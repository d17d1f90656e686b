using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

/// <summary>
/// A page and its total come from one statement (the total rides on each row), so the total must stay right
/// on the last page, past the end, for an empty scope, and for a scope by school id as well as by region.
/// </summary>
public sealed class SchoolPagingTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Every_page_of_a_county_carries_the_county_total_and_a_page_past_the_end_is_empty()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520111");
        using var client = await factory.ClientForAsync(admin);
        for (var i = 0; i < 5; i++)
        {
            await OrgApi.CreateSchoolAsync(client, "520111", name: $"花溪测试学校{i}");
        }

        var first = await PageAsync(client, "/api/v1/schools?region=520111&page=1&size=2");
        var last = await PageAsync(client, "/api/v1/schools?region=520111&page=3&size=2");
        var beyond = await PageAsync(client, "/api/v1/schools?region=520111&page=4&size=2");

        (first.Items, first.Total).ShouldBe((2, 5));
        (last.Items, last.Total).ShouldBe((1, 5));
        (beyond.Items, beyond.Total).ShouldBe((0, 5));
    }

    [Fact]
    public async Task Another_county_and_a_school_administrator_see_only_their_own_totals()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520112");
        using var client = await factory.ClientForAsync(admin);
        var school = await OrgApi.CreateSchoolAsync(client, "520112", name: "乌当测试学校");
        await OrgApi.CreateSchoolAsync(client, "520112", name: "乌当测试学校二");
        var neighbour = await factory.CreateUserAsync("CountyAdmin", regionCode: "520113");
        var head = await factory.CreateUserAsync("SchoolAdmin", schoolId: school);
        using var neighbourClient = await factory.ClientForAsync(neighbour);
        using var headClient = await factory.ClientForAsync(head);

        (await PageAsync(neighbourClient, "/api/v1/schools?region=520112&page=1&size=20")).ShouldBe((0, 0));
        (await PageAsync(neighbourClient, "/api/v1/schools?region=520112&page=2&size=20")).ShouldBe((0, 0));
        (await PageAsync(headClient, "/api/v1/schools?page=1&size=20")).ShouldBe((1, 1));
        (await PageAsync(client, "/api/v1/schools?page=1&size=1")).ShouldBe((1, 2));
    }

    private static async Task<(int Items, int Total)> PageAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url);
        return (page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32());
    }
}
