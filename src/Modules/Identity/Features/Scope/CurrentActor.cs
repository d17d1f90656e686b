using Microsoft.Extensions.Caching.Memory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Security.Claims;
using EduCloud.Kernel.Scope;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace EduCloud.Identity.Features.Scope;

/// <summary>
/// The signed-in person of this request (cookie or bearer token). The scope is loaded once by
/// <see cref="LoadActorMiddleware"/> before any endpoint or page runs, so data access never blocks on it.
/// </summary>
internal sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor, IPlatformActing
{
    private ScopeLoader.Loaded? _loaded;

    public Guid? UserId => _loaded?.Scope.UserId;
    public string? DisplayName => _loaded?.DisplayName;
    public string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public IReadOnlyList<Role> Roles => _loaded?.Roles ?? [];
    public DataScope Scope => _loaded?.Scope ?? DataScope.Nobody;
    public bool MustChangePassword { get; private set; }

    public static Guid? AccountIdOf(ClaimsPrincipal user)
    {
        var sub = user.FindFirst(OpenIddictConstants.Claims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return Guid.TryParse(sub, out var id) ? id : null;
    }

    /// <summary>For the CLI, seeding and background jobs: act as the platform itself, outside any person's scope.</summary>
    public void BecomePlatform() => _loaded = new ScopeLoader.Loaded(DataScope.System, [], "system", "", false);

    /// <summary>Loads the person behind the request; false when a signed-in principal no longer counts.</summary>
    internal async Task<bool> LoadAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || AccountIdOf(context.User) is not { } id)
        {
            return true;
        }
        var loaded = ScopeLoader.Cached(context.RequestServices.GetRequiredService<IMemoryCache>(), id)
            ?? await context.RequestServices.GetRequiredService<ScopeLoader>().LoadAsync(id, context.RequestAborted);
        var stamp = context.User.FindFirst(IdentityClaims.SecurityStamp)?.Value;
        // A retired account, or a cookie issued before the password or roles changed, no longer counts.
        if (loaded is null || loaded.Retired || (stamp is not null && stamp != loaded.SecurityStamp))
        {
            return false;
        }
        _loaded = loaded;
        // Read from the account, not from the token, so an administrator's password reset applies at once.
        MustChangePassword = loaded.MustChangePassword;
        return true;
    }
}

internal static class IdentityClaims
{
    public const string SecurityStamp = "educloud:stamp";
}

internal sealed class LoadActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentActor actor)
    {
        if (actor is CurrentActor current)
        {
            if (!await current.LoadAsync(context))
            {
                // Retired, or the password changed since this cookie or token was issued: it no longer counts.
                await RefuseStaleAsync(context);
                return;
            }
            if (current.MustChangePassword && await PasswordChangeGate.StopAsync(context))
            {
                return;
            }
        }
        await next(context);
    }

    private static async Task RefuseStaleAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count == 0)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0)
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Kernel.Localization.Texts.T("登录已失效，请重新登录")).ExecuteAsync(context);
            return;
        }
        context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
    }
}
