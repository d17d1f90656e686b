using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Identity.Features.Scope;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;

namespace EduCloud.Identity;

/// <summary>Real-name accounts, role assignments in the tree, guardian links, sign-in and the OpenID Connect provider.</summary>
public static class IdentityModule
{
    public const string SmartScheme = "educloud";

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<IdentityDbContext, SqliteIdentityDbContext, PostgresIdentityDbContext>(configuration, "Identity");
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<ScopeLoader>();
        services.AddScoped<SignInService>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o =>
            {
                // A bearer token, when present, decides; otherwise the browser's cookie does.
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "educloud.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorization();
        OpenIdConnectSetup.Add(services, configuration);
        return services;
    }

    /// <summary>APIs answer 401/403; pages redirect to the sign-in page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/connect"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Registers the platform's own OIDC clients; part of the migrate step.</summary>
    public static async Task LoadReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await OidcClients.EnsureAsync(scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>(), ct);
    }

    /// <summary>Makes the given service scope act as the platform (CLI commands, seeding, background jobs).</summary>
    public static void ActAsPlatform(IServiceProvider scopedServices) => scopedServices.GetRequiredService<CurrentActor>().BecomePlatform();

    public static IApplicationBuilder UseCurrentActor(this IApplicationBuilder app) => app.UseMiddleware<LoadActorMiddleware>();

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Identity").RequireAuthorization();
        api.MapGet("/me", GetMe.EndpointAsync).WithSummary("当前用户、角色与子女");
        api.MapGet("/accounts", ListAccounts.EndpointAsync).RequireRoles(Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin, Role.SchoolAdmin, Role.Teacher).WithSummary("账号列表（脱敏，分页）");
        api.MapPost("/accounts", CreateAccount.EndpointAsync).RequireAdministrator().WithSummary("新建实名账号");
        OpenIdConnectSetup.Map(app);
        return app;
    }
}
