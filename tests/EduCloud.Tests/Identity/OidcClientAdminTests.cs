using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Identity;

/// <summary>/admin/clients and /api/v1/oidc-clients: the national administrator registers and deletes OIDC clients through OpenIddict.</summary>
public sealed class OidcClientAdminTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_client_registered_on_the_page_gets_tokens_with_its_once_shown_secret_until_it_is_deleted()
    {
        var national = await factory.CreateUserAsync("NationalAdmin");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(national);
        var clientId = "svc-" + Guid.NewGuid().ToString("N")[..8];

        var created = await browser.SubmitAsync("/admin/clients", "create-client", new Dictionary<string, string>
        {
            ["clientId"] = clientId, ["displayName"] = "区县数据服务", ["clientType"] = "confidential", ["grantTypes"] = "client_credentials",
        });
        var html = await created.HtmlAsync();
        html.ShouldContain("data-testid=\"client-created\"", customMessage: html);
        var secret = Regex.Match(html, "data-testid=\"client-secret\">([^<]+)<").Groups[1].Value;
        secret.Length.ShouldBeGreaterThan(30);
        var list = await browser.Http.PageAsync("/admin/clients");
        list.ShouldContain($"data-client=\"{clientId}\"");
        list.ShouldNotContain(secret);

        using var anonymous = factory.CreateClient();
        (await TokenAsync(anonymous, clientId, secret)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenAsync(anonymous, clientId, "guessed")).IsSuccessStatusCode.ShouldBeFalse();

        var deleted = await browser.SubmitAsync("/admin/clients", "delete-client", new Dictionary<string, string> { ["clientId"] = clientId });
        (await deleted.HtmlAsync()).ShouldNotContain($"data-client=\"{clientId}\"");
        (await TokenAsync(anonymous, clientId, secret)).IsSuccessStatusCode.ShouldBeFalse();

        var audited = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .Where(e => e.ActorId == national.Id && e.EntityType == "OidcClient" && e.EntityId == clientId).Select(e => e.Action).ToListAsync());
        audited.ShouldBe([AuditActions.Create, AuditActions.Delete], ignoreOrder: true);
    }

    [Fact]
    public async Task Bad_client_registrations_name_the_field_and_built_in_clients_stay()
    {
        var national = await factory.CreateUserAsync("NationalAdmin");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(national);

        var publicWithSecretGrant = await browser.SubmitAsync("/admin/clients", "create-client", new Dictionary<string, string>
        {
            ["clientId"] = "pub-" + Guid.NewGuid().ToString("N")[..8], ["displayName"] = "网页", ["clientType"] = "public", ["grantTypes"] = "client_credentials",
        });
        (await publicWithSecretGrant.HtmlAsync()).ShouldContain("data-field=\"grantTypes\"");
        var noRedirect = await browser.SubmitAsync("/admin/clients", "create-client", new Dictionary<string, string>
        {
            ["clientId"] = "web-" + Guid.NewGuid().ToString("N")[..8], ["displayName"] = "网页", ["clientType"] = "public", ["grantTypes"] = "authorization_code",
            ["redirectUris"] = "not a url",
        });
        var noRedirectHtml = await noRedirect.HtmlAsync();
        noRedirectHtml.ShouldContain("data-field=\"redirectUris\"");
        noRedirectHtml.ShouldContain("回调地址无效");

        using var api = await factory.ClientForAsync(national);
        var clientId = "web-" + Guid.NewGuid().ToString("N")[..8];
        var body = new { clientId, displayName = "网页应用", clientType = "public", grantTypes = new[] { "authorization_code" }, redirectUris = new[] { "https://app.example.cn/cb" } };
        var ok = await api.PostAsJsonAsync("/api/v1/oidc-clients", body);
        var json = await ok.Content.ReadFromJsonAsync<JsonElement>();
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        json.GetProperty("clientSecret").ValueKind.ShouldBe(JsonValueKind.Null);
        (await api.PostAsJsonAsync("/api/v1/oidc-clients", body)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.DeleteAsync("/api/v1/oidc-clients/educloud-cli")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/oidc-clients")).EnumerateArray().Select(c => c.GetProperty("clientId").GetString())
            .ShouldContain("educloud-cli");
    }

    [Fact]
    public async Task Only_the_national_administrator_manages_clients_and_other_attempts_are_audited()
    {
        var province = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(province);
        var page = await browser.Http.PageAsync("/admin/clients");
        page.ShouldContain("仅国家级管理员可以管理 OIDC 客户端");
        page.ShouldNotContain("data-testid=\"create-client\"");

        using var api = await factory.ClientForAsync(province);
        var refused = await api.PostAsJsonAsync("/api/v1/oidc-clients", new { clientId = "sneaky-client", displayName = "x", grantTypes = new[] { "client_credentials" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync("/api/v1/oidc-clients")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var denied = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .CountAsync(e => e.ActorId == province.Id && e.Outcome == AuditOutcome.Denied));
        denied.ShouldBeGreaterThanOrEqualTo(2);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string clientId, string secret) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "api",
        }));
}
