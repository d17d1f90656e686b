using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Identity;

public sealed class IdentityPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Signing_in_lands_on_the_role_home_page()
    {
        var user = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        using var browser = new BrowserSession(factory);

        var signIn = await browser.SignInAsync(user);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.PathAndQueryOf().ShouldBe("/");
        var home = await browser.Http.GetStringAsync("/");

        home.ShouldContain("data-testid=\"role-home\" data-role=\"CityAdmin\"");
        home.ShouldContain("/admin/audit");
        home.ShouldContain("data-testid=\"lang-switch\"");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_chinese_error_and_a_foreign_return_url_is_ignored()
    {
        var user = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        using var browser = new BrowserSession(factory);

        var wrong = await browser.SignInAsync(user with { Password = "Wrong12345" });
        var html = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        html.ShouldContain("用户名或密码错误");
        html.ShouldNotContain("Wrong12345");

        var foreign = await browser.SignInAsync(user, "//evil.example/steal");
        foreign.Headers.Location!.PathAndQueryOf().ShouldBe("/");
    }

    [Fact]
    public async Task Lockout_is_shown_with_the_unlock_time()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var browser = new BrowserSession(factory);
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(user with { Password = "Wrong12345" });
        }

        var html = WebUtility.HtmlDecode(await (await browser.SignInAsync(user)).Content.ReadAsStringAsync());

        html.ShouldContain("账号已锁定");
        html.ShouldContain("北京时间");
    }

    [Fact]
    public async Task A_new_account_is_sent_to_change_its_password_and_may_go_on_after()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102", mustChangePassword: true);
        using var browser = new BrowserSession(factory);

        var signIn = await browser.SignInAsync(user, "/admin/users");
        signIn.Headers.Location!.PathAndQueryOf().ShouldStartWith("/account/password");
        // Any other page sends the person back there until the password is changed.
        var other = await browser.Http.GetAsync("/admin/users");
        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        other.Headers.Location!.PathAndQueryOf().ShouldStartWith("/account/password");

        var change = await browser.SubmitAsync("/account/password?returnUrl=%2Fadmin%2Fusers", "change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = user.Password, ["NewPassword"] = "Fresh2026pw", ["ConfirmPassword"] = "Fresh2026pw",
        });
        change.StatusCode.ShouldBe(HttpStatusCode.Redirect, await change.Content.ReadAsStringAsync());
        change.Headers.Location!.PathAndQueryOf().ShouldBe("/admin/users");
        (await browser.Http.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_users_page_masks_ids_and_revealing_one_is_audited()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var target = await factory.CreateUserAsync("ResourceReviewer", regionCode: "520102");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(admin);

        var list = await browser.Http.GetStringAsync("/admin/users?q=" + target.UserName);
        list.ShouldContain("****");
        list.ShouldContain($"/admin/users/{target.Id}");
        var revealed = await browser.SubmitAsync($"/admin/users/{target.Id}", "reveal", new Dictionary<string, string>());
        var html = await revealed.Content.ReadAsStringAsync();
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("data-testid=\"reveal-id\"");

        using var api = await factory.ClientForAsync(admin);
        var audit = await api.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=read-personal-data&actorId={admin.Id}");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
        var auditPage = await browser.Http.GetStringAsync("/admin/audit?action=read-personal-data");
        auditPage.ShouldContain("data-testid=\"audit-row\"");
    }
}

internal static class UriExtensions
{
    /// <summary>"/path?query" whether the server answered with a relative or an absolute Location.</summary>
    public static string PathAndQueryOf(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
