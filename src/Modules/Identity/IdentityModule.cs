using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Identity.Features.Assignments;
using EduCloud.Kernel.Audit;
using EduCloud.Identity.Features.Clients;
using EduCloud.Identity.Features.Scope;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Data;
using Microsoft.AspNetCore.Http;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddScoped<IPlatformActing>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<ScopeLoader>();
        services.AddScoped<EduCloud.Organization.Contracts.IClassRoster, CountClassRoster>();
        services.AddScoped<Contracts.IAccountPlacement, PlaceAccount>();
        services.AddScoped<Contracts.IPeopleDirectory, ListPeople>();
        services.AddScoped<SignInService>();
        services.AddSingleton<ValidatedTokens>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o =>
            {
                // A bearer token, when present, decides; otherwise the browser's cookie does.
                // Bearer tokens go through OpenIddict once, then are remembered briefly (ADR 0009).
                // HTTP Basic (outside tools' credentials, e.g. xAPI clients) goes to the scheme a module registers under
                // BasicCredentials.Scheme (the Records module, for LRS clients).
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.ToString() switch
                {
                    var h when h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => RememberingBearerHandler.SchemeName,
                    var h when h.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) => Contracts.BasicCredentials.Scheme,
                    _ => CookieAuthenticationDefaults.AuthenticationScheme,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, RememberingBearerHandler>(RememberingBearerHandler.SchemeName, null)
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
        Kernel.Localization.Texts.AddEnglish(IdentityTexts.English);
        return services;
    }

    /// <summary>APIs answer 401/403; pages redirect to the sign-in page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        // /connect/authorize is a browser request: it must reach the sign-in page and come back.
        if (ctx.Request.Path.StartsWithSegments("/api") || (ctx.Request.Path.StartsWithSegments("/connect") && !ctx.Request.Path.StartsWithSegments("/connect/authorize")))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Ends the browser session. A plain link: signing someone out is harmless, so no form is needed.</summary>
    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http, CancellationToken ct)
    {
        await CookieSession.SignOutAsync(http);
        return TypedResults.LocalRedirect("/signin");
    }

    /// <summary>Registers the platform's own OIDC clients; part of the migrate step.</summary>
    public static async Task LoadReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await OidcClients.EnsureAsync(scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>(),
            scope.ServiceProvider.GetRequiredService<IConfiguration>(), ct);
    }

    /// <summary>Makes the given service scope act as the platform (CLI commands, seeding, background jobs).</summary>
    public static void ActAsPlatform(IServiceProvider scopedServices) => scopedServices.ActAsPlatform();

    /// <summary>
    /// ASP.NET Core's authentication middleware, with remembered API bearer tokens signed in without it
    /// (<see cref="AuthenticateRememberedBearer"/>, ADR 0019). Use instead of UseAuthentication.
    /// </summary>
    public static IApplicationBuilder UseEduCloudAuthentication(this IApplicationBuilder app)
    {
        // The key UseAuthentication sets: without it the web host would add a second authentication middleware.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app.UseMiddleware<AuthenticateRememberedBearer>();
    }

    public static IApplicationBuilder UseCurrentActor(this IApplicationBuilder app) => app.UseMiddleware<LoadActorMiddleware>();

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Identity").RequireAuthorization();
        api.MapGet("/me", GetMe.EndpointAsync).WithSummary("当前用户、角色与子女");
        api.MapGet("/accounts", ListAccounts.EndpointAsync).RequireRoles(ListAccounts.Roles).WithSummary("账号列表（脱敏，分页）");
        api.MapPost("/accounts", CreateAccount.EndpointAsync).RequireAdministrator().WithSummary("新建实名账号");
        api.MapPost("/me/password", ChangeOwnPassword.EndpointAsync).WithSummary("修改本人密码");
        // The same roles as the list: the scope filter alone would let a resource reviewer (who reads a whole
        // province for resources) open any person's account there by id. One's own account is at /me.
        api.MapGet("/accounts/{id:guid}", GetAccount.EndpointAsync).RequireRoles(ListAccounts.Roles).WithSummary("账号详情（脱敏）");
        api.MapPut("/accounts/{id:guid}", UpdateAccount.EndpointAsync).WithSummary("修改姓名与手机号");
        api.MapPost("/accounts/{id:guid}/retire", RetireAccount.EndpointAsync).RequireAdministrator().WithSummary("停用账号");
        api.MapPost("/accounts/{id:guid}/reset-password", ResetPassword.EndpointAsync).RequireAdministrator().WithSummary("重置密码（返回临时密码）");
        api.MapGet("/accounts/{id:guid}/personal-data", ReadPersonalData.EndpointAsync).WithSummary("查看完整身份证号与手机号（记入审计）");
        api.MapPost("/accounts/{id:guid}/roles", GrantRole.EndpointAsync).RequireAdministrator().WithSummary("授予角色");
        api.MapDelete("/accounts/{id:guid}/roles/{assignmentId:guid}", RevokeRole.EndpointAsync).RequireAdministrator().WithSummary("撤销角色");
        api.MapGet("/oidc-clients", OidcClientAdmin.ListEndpointAsync).RequireRoles(Role.NationalAdmin).WithSummary("OIDC 客户端列表（国家级管理员）");
        api.MapPost("/oidc-clients", OidcClientAdmin.CreateEndpointAsync).RequireRoles(Role.NationalAdmin).WithSummary("注册 OIDC 客户端（密钥仅返回一次）");
        api.MapDelete("/oidc-clients/{clientId}", OidcClientAdmin.DeleteEndpointAsync).RequireRoles(Role.NationalAdmin).WithSummary("删除 OIDC 客户端");
        api.MapPost("/accounts/{id:guid}/guardians", LinkGuardian.EndpointAsync).RequireAdministrator().WithSummary("关联家长与学生");
        api.MapGet("/audit", ([AsParameters] ListAuditLog.Query query, AuditDbContext db, ICurrentActor actor, CancellationToken ct) => ListAuditLog.EndpointAsync(db, actor, query, ct)).RequireAdministrator().WithSummary("审计日志（本人管辖范围，分页，最新在前）");
        app.MapGet("/signout", SignOutAsync).ExcludeFromDescription();
        OpenIdConnectSetup.Map(app);
        return app;
    }
}
