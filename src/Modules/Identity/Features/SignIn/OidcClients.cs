using Microsoft.Extensions.Configuration;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// Registers the platform's own OIDC clients. Run by the migrate step; idempotent.
/// - educloud-cli: public, password grant (first-party CLI and scripts);
/// - educloud-web-demo: public browser client, authorization code + PKCE, redirect <see cref="WebDemoRedirectUri"/>;
/// - educloud-service-demo: confidential service client, client credentials; secret Oidc:ServiceDemoSecret
///   (the default <see cref="DevServiceSecret"/> is for development only — set your own in production).
/// </summary>
internal static class OidcClients
{
    public const string Cli = "educloud-cli";
    public const string WebDemo = "educloud-web-demo";
    public const string ServiceDemo = "educloud-service-demo";
    public const string WebDemoRedirectUri = "http://localhost:5000/signin-oidc-demo";
    public const string DevServiceSecret = "dev-only-service-demo-secret";

    public static async Task EnsureAsync(IOpenIddictApplicationManager applications, IConfiguration configuration, CancellationToken ct)
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
        if (await applications.FindByClientIdAsync(WebDemo, ct) is null)
        {
            // A browser (single-page or federated) client: no secret, so PKCE is required.
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = WebDemo,
                ClientType = ClientTypes.Public,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "EduCloud 演示网页应用",
                RedirectUris = { new Uri(WebDemoRedirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Prefixes.Scope + "api",
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            }, ct);
        }
        var secret = configuration["Oidc:ServiceDemoSecret"] is { Length: > 0 } configured ? configured : DevServiceSecret;
        var service = await applications.FindByClientIdAsync(ServiceDemo, ct);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ServiceDemo,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "EduCloud 演示服务",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "api" },
        };
        if (service is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            // The secret follows configuration, so rotating Oidc:ServiceDemoSecret and re-running migrate takes effect.
            await applications.UpdateAsync(service, descriptor, ct);
        }
    }
}
