using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Scope;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// /connect/authorize (authorization code + PKCE; OpenIddict has already checked the client, redirect URI and
/// PKCE parameters). Without a browser session the person is sent to the sign-in page and comes back here.
/// The platform's registered clients are first-party, so there is no consent screen.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IdentityDbContext db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
        var cookie = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var accountId = cookie.Succeeded ? CurrentActor.AccountIdOf(cookie.Principal) : null;
        var account = accountId is null ? null
            : await db.Accounts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.RetiredAt == null, ct);
        var stamp = cookie.Principal?.FindFirst(IdentityClaims.SecurityStamp)?.Value;
        if (account is null || stamp != account.SecurityStamp || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            if (request.HasPromptValue(OpenIddictConstants.PromptValues.None))
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.LoginRequired,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "用户尚未登录",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            // Come back to this very request (query or form parameters) once signed in.
            var parameters = http.Request.HasFormContentType
                ? http.Request.Form.Where(p => p.Key != OpenIddictConstants.Parameters.Prompt).ToList()
                : http.Request.Query.Where(p => p.Key != OpenIddictConstants.Parameters.Prompt).ToList();
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        return Results.SignIn(TokenEndpoint.PrincipalFor(account, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
