using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace EduCloud.Tests.Identity;

public sealed class OpenIdConnectTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string RedirectUri = "http://localhost:5000/signin-oidc-demo";

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Discovery_lists_the_endpoints_and_grants()
    {
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        doc.GetProperty("authorization_endpoint").GetString()!.ShouldEndWith("/connect/authorize");
        doc.GetProperty("token_endpoint").GetString()!.ShouldEndWith("/connect/token");
        doc.GetProperty("userinfo_endpoint").GetString()!.ShouldEndWith("/connect/userinfo");
        var grants = doc.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        grants.ShouldContain("authorization_code");
        grants.ShouldContain("client_credentials");
        grants.ShouldContain("password");
        doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldContain("S256");
    }

    [Fact]
    public async Task Password_grant_is_refused_for_any_client_but_the_cli()
    {
        var user = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/connect/token", Form(("grant_type", "password"), ("client_id", "educloud-web-demo"),
            ("username", user.UserName), ("password", user.Password), ("scope", "api")));

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("unauthorized_client");
    }

    [Fact]
    public async Task A_bearer_token_from_the_password_grant_works_on_the_api()
    {
        var user = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var client = await factory.ClientForAsync(user);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("account").GetProperty("userName").GetString().ShouldBe(user.UserName);
    }

    [Fact]
    public async Task Client_credentials_issue_a_token_to_the_service_client_and_not_with_a_wrong_secret()
    {
        using var client = factory.CreateClient();

        var ok = await client.PostAsync("/connect/token", Form(("grant_type", "client_credentials"), ("client_id", "educloud-service-demo"),
            ("client_secret", "dev-only-service-demo-secret"), ("scope", "api")));
        var wrong = await client.PostAsync("/connect/token", Form(("grant_type", "client_credentials"), ("client_id", "educloud-service-demo"),
            ("client_secret", "guessed"), ("scope", "api")));

        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
        wrong.IsSuccessStatusCode.ShouldBeFalse();
    }

    [Fact]
    public async Task Authorize_without_a_session_sends_the_browser_to_the_sign_in_page()
    {
        using var browser = new BrowserSession(factory);
        var (_, challenge) = Pkce();

        var response = await browser.Http.GetAsync(AuthorizeUrl(challenge));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin?ReturnUrl=");
    }

    [Fact]
    public async Task Authorization_code_with_pkce_round_trip_gives_a_working_token()
    {
        var user = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        using var browser = new BrowserSession(factory);
        var (verifier, challenge) = Pkce();

        var signIn = await browser.SignInAsync(user);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        var authorize = await browser.Http.GetAsync(AuthorizeUrl(challenge));
        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var callback = authorize.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().ShouldBe("xyz");

        using var client = factory.CreateClient();
        var badVerifier = await client.PostAsync("/connect/token", Form(("grant_type", "authorization_code"), ("client_id", "educloud-web-demo"),
            ("code", query["code"].ToString()), ("redirect_uri", RedirectUri), ("code_verifier", Pkce().Verifier)));
        badVerifier.IsSuccessStatusCode.ShouldBeFalse();

        // The failed attempt above revoked nothing we need: ask for a fresh code and redeem it properly.
        authorize = await browser.Http.GetAsync(AuthorizeUrl(challenge));
        query = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query);
        var token = await client.PostAsync("/connect/token", Form(("grant_type", "authorization_code"), ("client_id", "educloud-web-demo"),
            ("code", query["code"].ToString()), ("redirect_uri", RedirectUri), ("code_verifier", verifier)));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        token.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("id_token").GetString().ShouldNotBeNullOrEmpty();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("account").GetProperty("id").GetGuid().ShouldBe(user.Id);
        var info = await client.GetFromJsonAsync<JsonElement>("/connect/userinfo");
        info.GetProperty("sub").GetString().ShouldBe(user.Id.ToString());
        info.GetProperty("preferred_username").GetString().ShouldBe(user.UserName);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = factory.CreateClient();
        FormUrlEncodedContent Attempt(string password) => Form(("grant_type", "password"), ("client_id", "educloud-cli"),
            ("username", user.UserName), ("password", password), ("scope", "api"));

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync("/connect/token", Attempt("Wrong12345"));
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var sixth = await client.PostAsync("/connect/token", Attempt(user.Password));

        sixth.IsSuccessStatusCode.ShouldBeFalse();
        (await sixth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_description").GetString()!.ShouldContain("锁定");
    }

    [Fact]
    public async Task An_account_that_must_change_its_password_gets_403_until_it_does()
    {
        var user = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000", mustChangePassword: true);
        using var client = await factory.ClientForAsync(user);

        var blocked = await client.GetAsync("/api/v1/accounts");
        blocked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!.ShouldContain("修改初始密码");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var change = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = "Changed2026ok" });
        change.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The old token died with the security stamp; a new one works everywhere.
        var stale = await client.GetAsync("/api/v1/accounts");
        stale.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, stale.Headers.ToString() + await stale.Content.ReadAsStringAsync());
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var fresh = await factory.ClientForAsync(user with { Password = "Changed2026ok" });
        (await fresh.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string AuthorizeUrl(string challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "educloud-web-demo",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile api",
            ["state"] = "xyz",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
