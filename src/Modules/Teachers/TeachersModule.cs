using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Web;
using EduCloud.Teachers.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using EduCloud.Teachers.Features.Registry;
using EduCloud.Teachers.Features.Training;
using EduCloud.Teachers.Features.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Teachers;

/// <summary>教师: the teacher registry (教师编号, qualifications, subjects, class assignments), transfers (调动) and IT-application training.</summary>
public static class TeachersModule
{
    public static IServiceCollection AddTeachers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TeachersDbContext, SqliteTeachersDbContext, PostgresTeachersDbContext>(configuration, "Teachers");
        services.AddScoped<ITeacherCensus, TeacherCensus>();
        services.AddSingleton<TeacherCensusChangeFeed>();
        services.AddSingleton<ITeacherCensusChangeFeed>(sp => sp.GetRequiredService<TeacherCensusChangeFeed>());
        Texts.AddEnglish(TeachersTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapTeachers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/teachers").WithTags("Teachers").RequireAuthorization();
        api.MapGet("", ListTeachers.EndpointAsync).WithSummary("教师列表（按数据范围过滤，身份证号脱敏，分页）");
        api.MapGet("/me", GetTeacher.MeEndpointAsync).WithSummary("本人的教师档案");
        api.MapGet("/codes", GetCodes).WithSummary("教师档案代码表：学科、学历、职称、教师资格种类");
        api.MapGet("/{id:guid}", GetTeacher.EndpointAsync).WithSummary("教师档案详情");
        api.MapGet("/{id:guid}/history", GetTeacher.HistoryEndpointAsync).WithSummary("教师变动记录（建档、状态变更、调动）");
        api.MapPost("", CreateTeacher.EndpointAsync).RequireAdministrator().WithSummary("教师建档");
        api.MapPut("/{id:guid}", UpdateTeacher.EndpointAsync).RequireAdministrator().WithSummary("修改教师档案（含任课、任职状态；需版本号）");

        api.MapGet("/{id:guid}/training", AddTraining.GetEndpointAsync).WithSummary("教师信息技术应用能力提升培训记录与达标情况");
        api.MapPost("/{id:guid}/training", AddTraining.EndpointAsync).RequireAdministrator().WithSummary("登记信息技术应用能力提升培训");
        api.MapGet("/training/below-target", ListBelowTarget.EndpointAsync).RequireAdministrator().WithSummary("培训学时未达标的教师（学校或区县）");

        api.MapGet("/transfers", ListTransfers.EndpointAsync).RequireAdministrator().WithSummary("本人参与审批的教师调动");
        api.MapGet("/transfers/{id:guid}", ListTransfers.GetEndpointAsync).RequireAdministrator().WithSummary("教师调动详情");
        api.MapPost("/transfers", StartTransfer.EndpointAsync).RequireAdministrator().WithSummary("发起教师调动（调出或调入学校）");
        api.MapPost("/transfers/{id:guid}/approve", DecideTransfer.ApproveEndpointAsync).RequireAdministrator().WithSummary("同意调动（当前审批环节）");
        api.MapPost("/transfers/{id:guid}/reject", DecideTransfer.RejectEndpointAsync).RequireAdministrator().WithSummary("驳回调动（当前审批环节）");
        return app;
    }

    private static IResult GetCodes() => TypedResults.Ok(new
    {
        subjects = TeacherCodes.Subjects.Select(s => new CodeName(s.Code, s.Name)),
        educations = TeacherCodes.Educations.Select(s => new CodeName(s.Code, s.Name)),
        titles = TeacherCodes.Titles.Select(s => new CodeName(s.Code, s.Name)),
        qualificationKinds = TeacherCodes.QualificationKinds.Select(q => new CodeName(q.Kind.ToString(), q.Name)),
        trainingTargetHours = TrainingTarget.TargetHours,
        trainingCycleYears = TrainingTarget.CycleYears,
    });
}
