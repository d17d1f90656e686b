using EduCloud.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// /connect/userinfo: the standard claims of the token's person. Only what the granted scopes allow;
/// personal data (citizen ID, phone) is never released through OIDC.
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IdentityDbContext db, CancellationToken ct)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var subject = principal?.GetClaim(Claims.Subject);
        var account = Guid.TryParse(subject, out var id)
            ? await db.Accounts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.RetiredAt == null, ct)
            : null;
        if (account is null)
        {
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "令牌所属账号不存在或已停用",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = account.Id.ToString() };
        if (principal!.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = account.DisplayName;
            claims[Claims.PreferredUsername] = account.UserName;
        }
        if (principal!.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await db.Assignments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.AccountId == account.Id).Select(a => a.Role.ToString()).Distinct().ToListAsync(ct);
        }
        return Results.Ok(claims);
    }
}
