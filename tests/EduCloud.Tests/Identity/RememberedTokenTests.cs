using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task A_remembered_api_call_that_skipped_the_authentication_middleware_can_still_be_challenged_and_forbidden()
    {
        // ADR 0019: a remembered /api/ call is signed in without the authentication middleware, so OpenIddict's request
        // state is missing; a challenge or forbid on it must create that state rather than fail with a 500.
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(user);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        factory.Services.GetRequiredService<ValidatedTokens>().Find(token).ShouldNotBeNull();

        // OpenIddict answers both with 403 (insufficient_access) for a valid token, as it does after the full middleware.
        foreach (var (act, status) in new (Func<HttpContext, Task>, int)[] { (c => c.ChallengeAsync(), 403), (c => c.ForbidAsync(), 403) })
        {
            using var scope = factory.Services.CreateScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Path = "/api/v1/me";
            context.Request.Headers.Authorization = "Bearer " + token;
            var signedIn = await context.AuthenticateAsync();
            signedIn.Succeeded.ShouldBeTrue(); // from the remembered token, without OpenIddict's request state

            await act(context);

            context.Response.StatusCode.ShouldBe(status);
        }
    }

    [Fact]
    public async Task Remembered_tokens_keep_working_outside_the_api_short_cut_and_bad_tokens_still_meet_openiddict()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(user);
        (await client.GetAsync("/api/v1/schools?region=520102")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/schools?region=520102")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // /connect/userinfo is not under /api: the full middleware (and OpenIddict's server) handles it as before.
        ((int)(await client.GetAsync("/connect/userinfo")).StatusCode).ShouldBeLessThan(500);

        using var stranger = factory.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var refused = await stranger.GetAsync("/api/v1/schools?region=520102");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
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
