using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Identity;

public sealed class AuditApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static async Task<string> CreateSchoolAsync(HttpClient admin, string region)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/schools", new
        {
            code = TestIds.NextSchoolCode(), name = "审计测试小学", stages = new[] { "Primary" }, urbanRural = "Rural", regionCode = region, address = "测试路3号",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
    }

    private static async Task<List<string>> EntityIdsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit?size=200&" + query);
        return page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("entityId").GetString()!).ToList();
    }

    [Fact]
    public async Task Administrators_see_the_audit_lines_of_their_own_area_only_and_the_national_admin_sees_all()
    {
        var nanming = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var yunyan = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        var national = await factory.CreateUserAsync("NationalAdmin");
        using var nanmingClient = await factory.ClientForAsync(nanming);
        using var yunyanClient = await factory.ClientForAsync(yunyan);
        using var nationalClient = await factory.ClientForAsync(national);
        var ours = await CreateSchoolAsync(nanmingClient, "520102");
        var theirs = await CreateSchoolAsync(yunyanClient, "520103");

        var seenByNanming = await EntityIdsAsync(nanmingClient, "action=create&entityType=School");
        var seenByNational = await EntityIdsAsync(nationalClient, "action=create&entityType=School");

        seenByNanming.ShouldContain(ours);
        seenByNanming.ShouldNotContain(theirs);
        seenByNational.ShouldContain(ours);
        seenByNational.ShouldContain(theirs);
    }

    [Fact]
    public async Task The_audit_log_is_newest_first_paged_and_filtered_by_date()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        await CreateSchoolAsync(client, "520102");
        await CreateSchoolAsync(client, "520102");

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actorId={admin.Id}&size=1&page=1");
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actorId={admin.Id}&from={tomorrow}");
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?actorId={admin.Id}&size=200");

        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        future.GetProperty("total").GetInt32().ShouldBe(0);
        var times = all.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("at").GetDateTime()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Fact]
    public async Task A_non_administrator_may_not_read_the_audit_log()
    {
        var reviewer = await factory.CreateUserAsync("ResourceReviewer", regionCode: "520000");
        using var client = await factory.ClientForAsync(reviewer);

        (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
