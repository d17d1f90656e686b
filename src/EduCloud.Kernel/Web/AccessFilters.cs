using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Kernel.Web;

/// <summary>Role checks on endpoints. Scope (where) is checked by the data layer; this checks what kind of user may try.</summary>
public static class AccessFilters
{
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var actor = context.HttpContext.RequestServices.GetRequiredService<ICurrentActor>();
            if (actor.UserId is null && !actor.Scope.IsSystem)
            {
                return TypedResults.Unauthorized();
            }
            if (!actor.Scope.IsSystem && !actor.Roles.Any(roles.Contains))
            {
                var audit = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();
                await audit.RecordAsync(AuditActions.Denied, "endpoint", context.HttpContext.Request.Path, AuditOutcome.Denied,
                    context.HttpContext.Request.Method, ct: context.HttpContext.RequestAborted);
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权执行该操作");
            }
            return await next(context);
        });
        return builder;
    }

    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRoles(Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin, Role.SchoolAdmin);

    public static bool IsAdministrator(this ICurrentActor actor) => actor.Scope.IsSystem || actor.Roles.Any(r => r.IsAdministrator());
}
