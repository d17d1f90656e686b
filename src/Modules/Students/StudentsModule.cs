using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using EduCloud.Students.Features.Lifecycle;
using EduCloud.Students.Features.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Features.Duplicates;
using EduCloud.Students.Features.History;
using EduCloud.Students.Features.Transfers;
using EduCloud.Students.Features.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Students;

/// <summary>学籍: student status records, their lifecycle (学籍异动), transfers, duplicates, bulk import, and the census.</summary>
public static class StudentsModule
{
    public static IServiceCollection AddStudents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<StudentsDbContext, SqliteStudentsDbContext, PostgresStudentsDbContext>(configuration, "Students");
        services.AddSingleton<CensusChangeFeed>();
        services.AddSingleton<ICensusChangeFeed>(sp => sp.GetRequiredService<CensusChangeFeed>());
        services.AddScoped<IStudentCensus, StudentCensus>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        Texts.AddEnglish(StudentsTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapStudents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Students").RequireAuthorization();
        Role[] readers = [Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin, Role.SchoolAdmin, Role.Teacher];

        api.MapGet("/students", ListStudents.EndpointAsync).RequireRoles(readers).WithSummary("学籍列表（按数据范围过滤，分页，证件号掩码）");
        api.MapGet("/students/{id:guid}", GetStudent.EndpointAsync).RequireRoles(readers).WithSummary("学籍详情与全部异动记录");
        api.MapPost("/students", AdmitStudent.EndpointAsync).RequireAdministrator().WithSummary("新生入学（建立学籍）");
        api.MapPut("/students/{id:guid}", UpdateStudent.EndpointAsync).RequireAdministrator().WithSummary("修改学籍基本信息（需提供版本号）");
        api.MapPost("/students/{id:guid}/changes", RecordStatusChange.EndpointAsync).RequireAdministrator()
            .WithSummary("办理学籍异动：休学、复学、退学、留级、跳级、调班、毕业");
        api.MapPost("/students/{id:guid}/cancel-change", CancelChange.EndpointAsync).RequireAdministrator().WithSummary("撤销最近一次学籍异动");
        api.MapPost("/students/{id:guid}/confirm-number", ConfirmStudentNumber.EndpointAsync).RequireAdministrator().WithSummary("临时学籍号转正（L/J 号转为 G 号）");
        api.MapPost("/students/promotion", PromoteSchool.EndpointAsync).RequireAdministrator().WithSummary("全校（或单个年级）学年升级，最高年级毕业");
        api.MapGet("/students/change-rules", ListChangeRules.EndpointAsync).WithSummary("学籍异动规则表与异动原因代码");

        MapTransfers(api);
        ImportEndpoints.Map(api, app);
        return app;
    }

    private static void MapTransfers(RouteGroupBuilder api)
    {
        var transfers = api.MapGroup("/student-transfers");
        transfers.MapGet("/", ListTransfers.EndpointAsync).WithSummary("转学申请列表（转出或转入学校在数据范围内）");
        transfers.MapGet("/{id:guid}", ListTransfers.GetAsync).WithSummary("转学申请详情（含审批流程）");
        transfers.MapGet("/lookup", FindStudentForTransfer.EndpointAsync).RequireAdministrator().WithSummary("按学籍号和姓名查找拟转入学生（仅返回脱敏信息）");
        transfers.MapPost("/", StartTransfer.EndpointAsync).RequireAdministrator().WithSummary("转入学校发起转学申请");
        transfers.MapPost("/{id:guid}/approve", DecideTransferStep.ApproveAsync).RequireAdministrator().WithSummary("审批通过当前步骤（最后一步完成转学）");
        transfers.MapPost("/{id:guid}/reject", DecideTransferStep.RejectAsync).RequireAdministrator().WithSummary("驳回转学申请（需填写理由）");
        transfers.MapPost("/{id:guid}/withdraw", WithdrawTransfer.EndpointAsync).RequireAdministrator().WithSummary("转入学校撤回转学申请");
        api.MapGet("/students/{id:guid}/history", ReadStudentHistory.EndpointAsync).WithSummary("学生的完整学籍异动记录（随学籍转移）");

        Role[] bureaus = [Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin];
        var duplicates = api.MapGroup("/student-duplicates").RequireRoles(bureaus);
        duplicates.MapGet("/", ListDuplicates.EndpointAsync).WithSummary("重复学籍待处理队列（归属最低共同上级教育行政部门）");
        duplicates.MapPost("/scan", DetectDuplicates.ScanEndpointAsync).WithSummary("扫描跨校重复学籍");
        duplicates.MapPost("/{id:guid}/resolve", ResolveDuplicate.EndpointAsync).WithSummary("处理重复学籍：保留一条或标记为非重复");
    }
}
