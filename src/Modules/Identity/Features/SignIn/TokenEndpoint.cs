using System.Security.Claims;
using EduCloud.Identity.Domain;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// /connect/token. The password grant is allowed only for the first-party client educloud-cli (OpenIddict
/// enforces the client's permissions); it goes through the same lockout as the sign-in page.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, SignInService signIn, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
        if (request.IsPasswordGrantType())
        {
            var result = await signIn.CheckAsync(request.Username, request.Password, ct);
            if (result.Outcome != SignInOutcome.Succeeded)
            {
                return Forbid(result.Outcome == SignInOutcome.LockedOut ? "账号已被锁定，请稍后再试" : "用户名或密码错误");
            }
            return Results.SignIn(PrincipalFor(result.Account!, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var authenticated = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return authenticated.Principal is { } principal
                ? Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
                : Forbid("授权码无效或已过期");
        }
        if (request.IsClientCredentialsGrantType())
        {
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId!);
            identity.SetClaim(Claims.Name, request.ClientId!);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid("不支持的授权类型", Errors.UnsupportedGrantType);
    }

    /// <summary>The claims of a person's tokens: subject, name and the security stamp (so a password change revokes them).</summary>
    public static ClaimsPrincipal PrincipalFor(Account account, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(Claims.Name, account.DisplayName);
        identity.SetClaim(Claims.PreferredUsername, account.UserName);
        identity.SetClaim(Scope.IdentityClaims.SecurityStamp, account.SecurityStamp);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string description, string error = Errors.InvalidGrant) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
