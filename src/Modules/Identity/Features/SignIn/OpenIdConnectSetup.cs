using EduCloud.Identity.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// The OpenID Connect provider (OpenIddict): discovery, authorization code + PKCE, client credentials,
/// and the password grant for the first-party CLI client only.
/// </summary>
internal static class OpenIdConnectSetup
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowPasswordFlow()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes("openid", "profile", "roles", "api", "offline_access");
                o.AddSigningCertificate(OidcKeys.Signing(configuration)).AddEncryptionCertificate(OidcKeys.Encryption(configuration));
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", TokenEndpoint.HandleAsync).ExcludeFromDescription();
        app.MapMethods("/connect/authorize", new[] { HttpMethods.Get, HttpMethods.Post }, AuthorizeEndpoint.HandleAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapMethods("/connect/userinfo", new[] { HttpMethods.Get, HttpMethods.Post }, UserInfoEndpoint.HandleAsync).ExcludeFromDescription().DisableAntiforgery();
    }
}
