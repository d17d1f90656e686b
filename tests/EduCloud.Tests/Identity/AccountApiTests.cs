using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Identity;

public sealed class AccountApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<Guid> CreateSchoolAsync(HttpClient admin, string region)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/schools", new
        {
            code = TestIds.NextSchoolCode(), name = "账号测试小学", stages = new[] { "Primary" }, urbanRural = "Urban", regionCode = region, address = "测试路2号",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Changing_ones_password_checks_the_current_one_and_the_policy()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(user);

        var wrongCurrent = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "nope12345", newPassword = "Another2026" });
        var weak = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "short" });

        wrongCurrent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongCurrent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("currentPassword")[0].GetString().ShouldBe("当前密码不正确");
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("newPassword")[0].GetString()!.ShouldContain("8");
    }

    [Fact]
    public async Task An_administrator_resets_a_password_and_the_account_must_change_it()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var target = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);

        var reset = await client.PostAsync($"/api/v1/accounts/{target.Id}/reset-password", null);
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var temporary = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("temporaryPassword").GetString()!;

        using var targetClient = await factory.ClientForAsync(target with { Password = temporary });
        (await targetClient.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var me = await targetClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("account").GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Personal_data_is_readable_by_the_managing_admin_and_oneself_only_and_each_read_is_audited()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var other = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        var target = await factory.CreateUserAsync("ResourceReviewer", regionCode: "520102");
        using var adminClient = await factory.ClientForAsync(admin);
        using var otherClient = await factory.ClientForAsync(other);
        using var selfClient = await factory.ClientForAsync(target);

        var read = await adminClient.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{target.Id}/personal-data");
        var masked = await adminClient.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{target.Id}");
        var outside = await otherClient.GetAsync($"/api/v1/accounts/{target.Id}/personal-data");
        var self = await selfClient.GetAsync($"/api/v1/accounts/{target.Id}/personal-data");

        var citizenId = read.GetProperty("citizenId").GetString()!;
        citizenId.Length.ShouldBe(18);
        masked.GetProperty("account").GetProperty("citizenIdMasked").GetString().ShouldNotBe(citizenId);
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        self.StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await adminClient.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read-personal-data&actorId={admin.Id}");
        audit.GetProperty("items").EnumerateArray().ShouldContain(l => l.GetProperty("entityId").GetString() == target.Id.ToString());
    }

    [Fact]
    public async Task A_teacherless_reviewer_may_edit_their_own_name_but_not_someone_elses()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var reviewer = await factory.CreateUserAsync("ResourceReviewer", regionCode: "520102");
        using var reviewerClient = await factory.ClientForAsync(reviewer);

        var own = await reviewerClient.PutAsJsonAsync($"/api/v1/accounts/{reviewer.Id}", new { displayName = "新名字", phone = "13800001111" });
        // The reviewer reads the county's rows but manages nothing: the admin is visible, yet not editable.
        var others = await reviewerClient.PutAsJsonAsync($"/api/v1/accounts/{admin.Id}", new { displayName = "篡改" });

        own.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        others.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var me = await reviewerClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("account").GetProperty("displayName").GetString().ShouldBe("新名字");
        me.GetProperty("account").GetProperty("phoneMasked").GetString().ShouldBe("138****1111");
    }

    [Fact]
    public async Task Roles_are_granted_inside_the_managed_scope_and_never_above_ones_own_rank()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var target = await factory.CreateUserAsync("ResourceReviewer", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var school = await CreateSchoolAsync(client, "520102");

        var higher = await client.PostAsJsonAsync($"/api/v1/accounts/{target.Id}/roles", new { role = "ProvinceAdmin", regionCode = "520000" });
        var elsewhere = await client.PostAsJsonAsync($"/api/v1/accounts/{target.Id}/roles", new { role = "CountyAdmin", regionCode = "520103" });
        var granted = await client.PostAsJsonAsync($"/api/v1/accounts/{target.Id}/roles", new { role = "SchoolAdmin", schoolId = school });

        higher.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        granted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var assignment = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The new role applies at once: the target now manages the school.
        using var targetClient = await factory.ClientForAsync(target);
        var me = await targetClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).ShouldContain("SchoolAdmin");

        (await client.DeleteAsync($"/api/v1/accounts/{target.Id}/roles/{assignment}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{target.Id}");
        after.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).ShouldNotContain("SchoolAdmin");
    }

    [Fact]
    public async Task A_retired_account_can_no_longer_get_a_token()
    {
        var admin = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        var target = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        using var targetClient = await factory.ClientForAsync(target);

        (await client.PostAsync($"/api/v1/accounts/{target.Id}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await targetClient.GetAsync("/api/v1/me")).IsSuccessStatusCode.ShouldBeFalse();
        using var anonymous = factory.CreateClient();
        var token = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "educloud-cli", ["username"] = target.UserName, ["password"] = target.Password,
        }));
        token.IsSuccessStatusCode.ShouldBeFalse();
    }
}
