using EduCloud.Kernel.Data;
using EduCloud.Kernel.Web;
using EduCloud.Organization.Contracts;
using EduCloud.Organization.Data;
using EduCloud.Organization.Features;
using EduCloud.Organization.Features.Regions;
using EduCloud.Organization.Features.Schools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Organization;

/// <summary>Regions, schools, teaching points, academic years, grades and classes.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<OrganizationDbContext, SqliteOrganizationDbContext, PostgresOrganizationDbContext>(configuration, "Organization");
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganization(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organization").RequireAuthorization();

        api.MapGet("/regions", ListRegions.EndpointAsync).WithSummary("行政区划：下级列表 (GB/T 2260)");
        api.MapGet("/regions/{code}", ListRegions.GetAsync).WithSummary("行政区划：单个");

        api.MapGet("/schools", ListSchools.EndpointAsync).WithSummary("学校列表（按数据范围过滤，分页）");
        api.MapGet("/schools/{id:guid}", GetSchool.EndpointAsync).WithSummary("学校详情");
        api.MapPost("/schools", CreateSchool.EndpointAsync).RequireAdministrator().WithSummary("新建学校");
        api.MapPut("/schools/{id:guid}", UpdateSchool.EndpointAsync).RequireAdministrator().WithSummary("修改学校");
        api.MapPost("/schools/{id:guid}/retire", RetireSchool.RetireAsync).RequireAdministrator().WithSummary("撤销学校");
        api.MapPost("/schools/{id:guid}/reinstate", RetireSchool.ReinstateAsync).RequireAdministrator().WithSummary("恢复学校");
        return app;
    }

    /// <summary>Loads the shipped region table; run by the migrate step.</summary>
    public static async Task LoadReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        await RegionCatalog.LoadAsync(db, ct);
    }
}
