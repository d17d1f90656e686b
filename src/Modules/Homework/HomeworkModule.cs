using EduCloud.Homework.Data;
using EduCloud.Homework.Features;
using EduCloud.Homework.Features.Analytics;
using EduCloud.Homework.Features.Assignments;
using EduCloud.Homework.Features.Marking;
using EduCloud.Homework.Features.Submissions;
using EduCloud.Homework.Features.Views;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Homework;

/// <summary>
/// 作业: teachers set homework for their classes (attachments, rubric, soft or hard deadline), students submit text and
/// files (idempotent), teachers follow, mark, comment on files and return; students and parents see the feedback;
/// class analytics with an .xlsx export. Every learning act is an xAPI statement through the Records module.
/// </summary>
public static class HomeworkModule
{
    private static readonly Role[] Analysts = [Role.Teacher, Role.SchoolAdmin, Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin];

    public static IServiceCollection AddHomework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<HomeworkDbContext, SqliteHomeworkDbContext, PostgresHomeworkDbContext>(configuration, "Homework");
        Texts.AddEnglish(HomeworkTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapHomework(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/homework").WithTags("Homework").RequireAuthorization();
        // Bearer clients post multipart without an antiforgery token; the pages' forms go through /homework/actions.
        api.MapPost("/files", UploadFile.EndpointAsync).RequireRoles(Role.Teacher, Role.Student).DisableAntiforgery()
            .WithSummary("上传作业附件或作答文件（pdf/docx/pptx/xlsx/jpg/png/mp3/mp4/txt，单个不超过20 MB，经内容检查与病毒扫描）");
        api.MapPost("/assignments", SetAssignment.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("布置作业：为本人任教的一个或多个班级布置（截止规则 Soft 迟交标记 / Hard 逾期不收，可带评分细则）");
        api.MapGet("/assignments", ListAssignments.EndpointAsync).WithSummary("作业列表（教师：任教班级；管理员：所辖学校），含提交、迟交、已批改人数");
        api.MapGet("/assignments/{id:guid}", FollowAssignment.EndpointAsync).WithSummary("作业跟踪：全班每名学生的提交状态（未提交、已提交、迟交、已退回、已批改）");
        api.MapPut("/assignments/{id:guid}", ChangeAssignment.EditEndpointAsync).RequireRoles(Role.Teacher).WithSummary("修改作业（仅在无人提交之前）");
        api.MapPost("/assignments/{id:guid}/close", ChangeAssignment.CloseEndpointAsync).RequireRoles(Role.Teacher).WithSummary("提前结束收取作业");
        api.MapDelete("/assignments/{id:guid}", ChangeAssignment.DeleteEndpointAsync).RequireRoles(Role.Teacher).WithSummary("删除作业（仅在无人提交时）");
        api.MapGet("/assignments/{id:guid}/files/{fileId:guid}", ServeFile.AssignmentFileAsync).WithSummary("下载作业附件（本班师生）");
        api.MapGet("/my/assignments/{id:guid}", OpenWork.EndpointAsync).RequireRoles(Role.Student).WithSummary("学生查看一份作业及本人的提交与批改反馈（记录 xAPI experienced）");
        api.MapPost("/my/assignments/{id:guid}/submission", SubmitWork.EndpointAsync).RequireRoles(Role.Student)
            .WithSummary("学生提交作业（请求头 Idempotency-Key：同一标识重复提交只算一次；批改前再次提交替换内容并保留旧版本）");
        api.MapGet("/todo", ListMyHomework.TodoEndpointAsync).RequireRoles(Role.Student).WithSummary("学生待办作业（按截止时间排序，标出逾期）与已提交作业");
        api.MapGet("/children", ListMyHomework.ChildrenEndpointAsync).RequireRoles(Role.Parent).WithSummary("家长查看每个孩子的作业、状态、成绩与老师评语");
        api.MapGet("/submissions/{id:guid}", SubmissionView.EndpointAsync).WithSummary("查看一份提交（学生本人、其家长、本班教师）");
        api.MapGet("/submissions/{id:guid}/files/{fileId:guid}", ServeFile.SubmissionFileAsync).WithSummary("下载提交的文件");
        api.MapPost("/submissions/{id:guid}/mark", MarkSubmission.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("批改：打分（或按评分细则逐项打分）、写评语，Publish 公布成绩或 Return 退回重做（记录 xAPI scored）");
        api.MapPost("/submissions/{id:guid}/file-comments", CommentOnFile.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("在提交的文件上批注（如“第2页”）");
        api.MapGet("/analytics", ClassAnalytics.EndpointAsync).RequireRoles(Analysts).WithSummary("班级作业分析：完成率、按时率、成绩分布、平均分/中位数、预警学生（按学期）");
        api.MapGet("/analytics.xlsx", ExportAnalytics.EndpointAsync).RequireRoles(Analysts).WithSummary("导出班级作业分析（.xlsx，与页面数字一致）");
        PageActions.Map(app);
        return app;
    }
}
