using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// Bearer tokens that OpenIddict has already validated on this node, remembered for a short while so the
/// next request with the same token skips the signature check and claim parsing (~0.3 ms of CPU each; it
/// dominated the cost of a cached, scoped API read). Keyed by the SHA-256 of the token, never the token
/// itself; bounded in count; an entry lives no longer than the token nor than <see cref="RememberFor"/>.
/// Only successes are remembered, so a bad token always meets OpenIddict. What a token may do is still
/// decided per request from the account (retired, security stamp, roles), as before: see ADR 0009.
/// </summary>
internal sealed class ValidatedTokens : IDisposable
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(30);
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeProvider _clock;

    public ValidatedTokens(TimeProvider clock) => _clock = clock;

    public ClaimsPrincipal? Find(string token) =>
        _cache.TryGetValue(Key(token), out Entry? entry) && entry!.Until > _clock.GetUtcNow() ? entry.Principal : null;

    public void Remember(string token, ClaimsPrincipal principal)
    {
        var now = _clock.GetUtcNow();
        // A token without an expiry is not remembered: its lifetime is not ours to extend.
        if (principal.GetExpirationDate() is not { } expires || expires <= now)
        {
            return;
        }
        var until = expires < now + RememberFor ? expires : now + RememberFor;
        // The entry checks its own bound against our clock; the cache's expiry only frees the memory.
        _cache.Set(Key(token), new Entry(principal, until), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = until - now, Size = 1 });
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);

    private static string Key(string token)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToBase64String(hash);
    }
}

/// <summary>
/// The bearer scheme the API uses: a remembered token answers at once, anything else is validated by
/// OpenIddict (and remembered when valid). Challenges and forbids go to OpenIddict unchanged.
/// </summary>
internal sealed class RememberingBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "educloud-bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }
        if (token.Length > 0 && tokens.Find(token) is { } remembered)
        {
            // A copy per request: nothing downstream may change the remembered principal for the next caller.
            return AuthenticateResult.Success(new AuthenticationTicket(remembered.Clone(), Scheme.Name));
        }
        await EnsureOpenIddictRequestAsync();
        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded && token.Length > 0)
        {
            tokens.Remember(token, result.Principal.Clone());
        }
        return result;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await EnsureOpenIddictRequestAsync();
        await Context.ChallengeAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await EnsureOpenIddictRequestAsync();
        await Context.ForbidAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header (possibly empty); null without one.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>
    /// OpenIddict's validation handler authenticates, challenges and forbids only within the request state its
    /// request-handling step creates (AuthenticationMiddleware runs that step first on every request). A remembered
    /// API call skips that middleware (<see cref="AuthenticateRememberedBearer"/>), so the state is created here
    /// when OpenIddict is needed after all; it is the same step the middleware would have run.
    /// </summary>
    private async Task EnsureOpenIddictRequestAsync()
    {
        if (Context.Features.Get<OpenIddictValidationAspNetCoreFeature>()?.Transaction is not null)
        {
            return;
        }
        var handlers = Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        if (await handlers.GetHandlerAsync(Context, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler openIddict)
        {
            await openIddict.HandleRequestAsync();
        }
    }
}
