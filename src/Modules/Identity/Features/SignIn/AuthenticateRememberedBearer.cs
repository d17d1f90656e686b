using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// The host's authentication middleware with a short cut for API calls: an <c>/api/</c> request whose bearer token
/// is remembered by <see cref="ValidatedTokens"/> (validated by OpenIddict on this node a moment ago, ADR 0009) is
/// signed in from the remembered principal directly. Everything else — a token not remembered, cookies, HTTP Basic,
/// OpenIddict's own endpoints, pages — goes through ASP.NET Core's <see cref="AuthenticationMiddleware"/> unchanged.
/// <para>
/// Why: for a remembered token the full middleware still resolved a handler for each of OpenIddict's request-handling
/// schemes from the container, let OpenIddict's server match the path against all its endpoints, and resolved the
/// policy and bearer handlers to reach the same remembered principal — about a fifth of the school list's CPU
/// (docs/benchmarks.md, issue 2 profile). Skipping only the request-handler round is not enough (the bearer handler
/// would meet OpenIddict's validation handler without the request state its round creates): here the hit
/// skips authentication handlers entirely, and <see cref="RememberingBearerHandler"/> creates that state itself on
/// the rare later call that needs OpenIddict (a challenge, a forbid, a token that expired in between). ADR 0019.
/// </para>
/// What a remembered token may do is still decided per request from the account (LoadActorMiddleware: retired,
/// security stamp, roles), and a remembered entry never outlives its token, exactly as for the bearer handler.
/// <para>
/// The same holds for <c>/xapi/</c>: a remembered token there too, and HTTP Basic (an LRS client's key:secret) goes
/// straight to the Basic scheme, which is where the policy scheme would forward it anyway. The full middleware first
/// ran OpenIddict's server and validation request handlers (their dispatchers, for a path neither serves) on every
/// statement a tool posted (docs/benchmarks.md, "Session 12: a lean path for single statements"; ADR 0035).
/// </para>
/// </summary>
internal sealed class AuthenticateRememberedBearer(RequestDelegate next, IAuthenticationSchemeProvider schemes, ValidatedTokens tokens)
{
    private readonly AuthenticationMiddleware _full = new(next, schemes);

    public Task InvokeAsync(HttpContext context)
    {
        var xapi = context.Request.Path.StartsWithSegments("/xapi", StringComparison.OrdinalIgnoreCase);
        if (xapi && context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateBasicAsync(context);
        }
        if ((xapi || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            && RememberingBearerHandler.TokenOf(context.Request) is { Length: > 0 } token
            && tokens.Find(token) is { } remembered)
        {
            // A copy per request, as the bearer handler gives: nothing downstream may change the remembered principal.
            var result = AuthenticateResult.Success(new AuthenticationTicket(remembered.Clone(), RememberingBearerHandler.SchemeName));
            context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature { OriginalPath = context.Request.Path, OriginalPathBase = context.Request.PathBase });
            var signedIn = new SignedIn(result);
            context.Features.Set<IHttpAuthenticationFeature>(signedIn);
            context.Features.Set<IAuthenticateResultFeature>(signedIn);
            return next(context);
        }
        return _full.Invoke(context);
    }

    /// <summary>What AuthenticationMiddleware does for the default scheme, with the Basic scheme named directly.</summary>
    private async Task AuthenticateBasicAsync(HttpContext context)
    {
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature { OriginalPath = context.Request.Path, OriginalPathBase = context.Request.PathBase });
        var result = await context.AuthenticateAsync(Contracts.BasicCredentials.Scheme);
        if (result.Principal is not null)
        {
            context.User = result.Principal;
        }
        if (result.Succeeded)
        {
            var signedIn = new SignedIn(result);
            context.Features.Set<IHttpAuthenticationFeature>(signedIn);
            context.Features.Set<IAuthenticateResultFeature>(signedIn);
        }
        await next(context);
    }

    /// <summary>What AuthenticationMiddleware leaves for authorization (its own class for this is internal); same rules.</summary>
    private sealed class SignedIn(AuthenticateResult result) : IHttpAuthenticationFeature, IAuthenticateResultFeature
    {
        private AuthenticateResult? _result = result;
        private System.Security.Claims.ClaimsPrincipal? _user = result.Principal;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set
            {
                _result = value;
                _user = value?.Principal;
            }
        }

        /// <summary>HttpContext.User reads and writes this; a new user drops the result, as in ASP.NET Core.</summary>
        public System.Security.Claims.ClaimsPrincipal? User
        {
            get => _user;
            set
            {
                _user = value;
                _result = null;
            }
        }
    }
}
