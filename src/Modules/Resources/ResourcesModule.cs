using EduCloud.Resources.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Resources;

/// <summary>
/// 教育资源公共服务平台 / 数字教育资源超市: the textbook catalogue, resources and their versions, files, review before
/// publication, search, interactions, licensing and trading, 一师一优课 and OAI-PMH.
/// </summary>
public static class ResourcesModule
{
    public static IServiceCollection AddResources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IResourceSearch, BigramResourceSearch>();
        return services;
    }

    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/resources").WithTags("Resources").RequireAuthorization();
        return app;
    }
}
