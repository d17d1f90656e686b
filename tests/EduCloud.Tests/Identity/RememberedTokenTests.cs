using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Tests.Infrastructure;
using OpenIddict.Abstractions;

namespace EduCloud.Tests.Identity;

/// <summary>
/// Validated bearer tokens are remembered briefly (ADR 0009). Remembering must not keep a token alive
/// past what the account allows, nor let a forged token ride on a real one.
/// </summary>
public sealed class RememberedTokenTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_remembered_token_stops_working_when_its_account_is_retired()
    {
        var admin = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        var target = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var adminClient = await factory.ClientForAsync(admin);
        using var targetClient = await factory.ClientForAsync(target);
        // Used twice: the second request is answered from the remembered validation.
        (await targetClient.GetAsync("/api/v1/schools?region=520102")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await targetClient.GetAsync("/api/v1/schools?region=520102")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await adminClient.PostAsync($"/api/v1/accounts/{target.Id}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await targetClient.GetAsync("/api/v1/schools?region=520102")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_remembered_token_stops_working_when_the_password_is_reset()
    {
        var admin = await factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        var target = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var adminClient = await factory.ClientForAsync(admin);
        using var targetClient = await factory.ClientForAsync(target);
        (await targetClient.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await targetClient.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await adminClient.PostAsync($"/api/v1/accounts/{target.Id}/reset-password", null)).IsSuccessStatusCode.ShouldBeTrue();

        (await targetClient.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_with_an_altered_signature_is_refused_after_the_real_one_was_remembered()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(user);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var last = token[^2];
        var forged = token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];

        using var forger = factory.CreateClient();
        forger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        (await forger.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void A_remembered_token_is_forgotten_after_30_seconds_or_at_its_expiry_whichever_comes_first()
    {
        var clock = new StepClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        using var tokens = new ValidatedTokens(clock);
        tokens.Remember("long-lived", PrincipalExpiringAt(clock.Now.AddHours(1)));
        tokens.Remember("short-lived", PrincipalExpiringAt(clock.Now.AddSeconds(10)));
        tokens.Remember("no-expiry", new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")], "test")));

        tokens.Find("long-lived").ShouldNotBeNull();
        tokens.Find("short-lived").ShouldNotBeNull();
        tokens.Find("no-expiry").ShouldBeNull();
        tokens.Find("never-seen").ShouldBeNull();

        clock.Now = clock.Now.AddSeconds(11);
        tokens.Find("short-lived").ShouldBeNull();
        tokens.Find("long-lived").ShouldNotBeNull();

        clock.Now = clock.Now.AddSeconds(20);
        tokens.Find("long-lived").ShouldBeNull();
    }

    private static ClaimsPrincipal PrincipalExpiringAt(DateTimeOffset expires)
    {
        var identity = new ClaimsIdentity("test");
        identity.SetClaim(OpenIddictConstants.Claims.Subject, Guid.NewGuid().ToString());
        var principal = new ClaimsPrincipal(identity);
        principal.SetExpirationDate(expires);
        return principal;
    }

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
