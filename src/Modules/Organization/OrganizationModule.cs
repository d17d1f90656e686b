using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Web;
using EduCloud.Organization.Contracts;
using EduCloud.Organization.Data;
using EduCloud.Organization.Features;
using EduCloud.Organization.Features.Regions;
using EduCloud.Organization.Features.Calendar;
using EduCloud.Organization.Features.Classes;
using EduCloud.Organization.Features.Grades;
using EduCloud.Organization.Features.Schools;
using EduCloud.Organization.Features.TeachingPoints;
using EduCloud.Organization.Features.Tree;
using EduCloud.Kernel.Scope;
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
        services.AddSingleton<SchoolTotals>();
        Texts.AddEnglish(OrganizationTexts.English);
        Texts.AddEnglishTemplate("{0}-{1}学年已存在", "The {0}-{1} academic year already exists");
        Texts.AddEnglishTemplate("{0}-{1}学年", "{0}-{1} academic year");
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

        api.MapGet("/schools/{id:guid}/teaching-points", ListTeachingPoints.EndpointAsync).WithSummary("中心校的教学点列表");
        api.MapPost("/teaching-points", CreateTeachingPoint.EndpointAsync).RequireAdministrator().WithSummary("新建教学点");
        api.MapPut("/teaching-points/{id:guid}", UpdateTeachingPoint.EndpointAsync).RequireAdministrator().WithSummary("修改教学点");
        api.MapPost("/teaching-points/{id:guid}/retire", RetireTeachingPoint.RetireAsync).RequireAdministrator().WithSummary("撤并教学点");
        api.MapPost("/teaching-points/{id:guid}/reinstate", RetireTeachingPoint.ReinstateAsync).RequireAdministrator().WithSummary("恢复教学点");

        api.MapGet("/academic-years", ListAcademicYears.EndpointAsync).WithSummary("学年与学期列表");
        api.MapPost("/academic-years", CreateAcademicYear.EndpointAsync).RequireRoles(Role.NationalAdmin, Role.ProvinceAdmin).WithSummary("新建学年（含学期）");
        api.MapPut("/academic-years/{id:guid}", UpdateAcademicYear.EndpointAsync).RequireRoles(Role.NationalAdmin, Role.ProvinceAdmin).WithSummary("修改学年与学期日期");

        api.MapGet("/schools/{id:guid}/grades", ListGrades.EndpointAsync).WithSummary("学校某学年的年级列表");
        api.MapPost("/grades", CreateGrade.EndpointAsync).RequireAdministrator().WithSummary("新建年级");
        api.MapPut("/grades/{id:guid}", UpdateGrade.EndpointAsync).RequireAdministrator().WithSummary("修改年级名称");
        api.MapPost("/grades/{id:guid}/retire", UpdateGrade.RetireEndpointAsync).RequireAdministrator().WithSummary("撤销年级");
        api.MapPost("/grades/{id:guid}/reinstate", UpdateGrade.ReinstateEndpointAsync).RequireAdministrator().WithSummary("恢复年级");

        api.MapGet("/grades/{id:guid}/classes", ListClasses.EndpointAsync).WithSummary("年级的班级列表");
        api.MapPost("/classes", CreateClass.EndpointAsync).RequireAdministrator().WithSummary("新建班级");
        api.MapPut("/classes/{id:guid}", UpdateClass.EndpointAsync).RequireAdministrator().WithSummary("修改班级");
        api.MapPost("/classes/{id:guid}/retire", UpdateClass.RetireEndpointAsync).RequireAdministrator().WithSummary("撤销班级");
        api.MapPost("/classes/{id:guid}/reinstate", UpdateClass.ReinstateEndpointAsync).RequireAdministrator().WithSummary("恢复班级");

        api.MapGet("/org/tree", BrowseTree.EndpointAsync).WithSummary("组织机构树：某节点的下级及数量（按数据范围）");
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
