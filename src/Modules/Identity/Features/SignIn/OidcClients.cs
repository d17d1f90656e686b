using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>Registers the platform's own OIDC clients. Run by the migrate step; idempotent.</summary>
internal static class OidcClients
{
    public const string Cli = "educloud-cli";

    public static async Task EnsureAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(Cli, ct) is null)
        {
            // A public first-party client: the CLI and scripts trade a user's password for a bearer token.
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = Cli,
                ClientType = ClientTypes.Public,
                DisplayName = "EduCloud 命令行",
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.Password,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.Prefixes.Scope + "api",
                    Permissions.Scopes.Profile,
                },
            }, ct);
        }
    }
}
