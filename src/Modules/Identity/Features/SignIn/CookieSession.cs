using System.Security.Claims;
using EduCloud.Identity.Domain;
using EduCloud.Identity.Features.Scope;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// The browser session. The cookie carries the account id, name and security stamp only: roles and scope
/// are loaded per request, so a role change applies at once and a password change ends old sessions.
/// </summary>
internal static class CookieSession
{
    public static Task SignInAsync(HttpContext http, Account account)
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, account.DisplayName));
        identity.AddClaim(new Claim(IdentityClaims.SecurityStamp, account.SecurityStamp));
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>Only a path on this site: "/x" but not "//host" or "/\host", which browsers treat as another site.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            ? returnUrl
            : "/";
}
