namespace EduCloud.Identity.Features.Scope;

/// <summary>
/// An account that must change its password (created or reset by an administrator) may do nothing else
/// first: the API answers 403 except for reading oneself and changing the password, and pages redirect
/// to /account/password.
/// </summary>
internal static class PasswordChangeGate
{
    public const string Title = "请先修改初始密码后再使用本平台";

    /// <summary>True when the request was answered here and must go no further.</summary>
    public static async Task<bool> StopAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var method = context.Request.Method;
        if (path.StartsWithSegments("/api"))
        {
            var allowed = (HttpMethods.IsGet(method) && path.Equals("/api/v1/me", StringComparison.OrdinalIgnoreCase))
                || (HttpMethods.IsPost(method) && path.Equals("/api/v1/me/password", StringComparison.OrdinalIgnoreCase));
            if (allowed)
            {
                return false;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Title, type: "https://educloud.local/problems/must-change-password")
                .ExecuteAsync(context);
            return true;
        }
        if (IsOpen(path) || !HttpMethods.IsGet(method))
        {
            return false;
        }
        var returnUrl = path + context.Request.QueryString;
        context.Response.Redirect("/account/password?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return true;
    }

    /// <summary>Paths that work before the password is changed: the change page itself, signing out, the language switch, OIDC plumbing, health.</summary>
    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/account/password") || path.StartsWithSegments("/signout") || path.StartsWithSegments("/signin")
        || path.StartsWithSegments("/culture") || path.StartsWithSegments("/health") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/openapi")
        || (path.StartsWithSegments("/connect") && !path.StartsWithSegments("/connect/authorize"))
        || Path.HasExtension(path.Value);
}
