using EduCloud.Assessment.Data;
using EduCloud.Assessment.Features.Items;
using EduCloud.Assessment.Features.Qti;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Assessment;

/// <summary>
/// 题库与自测: the item bank (five item types, QTI 2.1 import and export), self-tests assigned to classes, attempts
/// auto-marked on submission, short answers marked by the teacher, item statistics, and an xAPI statement for every
/// learning act.
/// </summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AssessmentDbContext, SqliteAssessmentDbContext, PostgresAssessmentDbContext>(configuration, "Assessment");
        Texts.AddEnglish(AssessmentTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapAssessment(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/assessment").WithTags("Assessment").RequireAuthorization();
        api.MapGet("/items", ListItems.EndpointAsync).WithSummary("题库：本人的试题和本校共享的试题，可按题型、学段、学科、难度、知识点、题干筛选");
        api.MapGet("/items/{id:guid}", ListItems.GetEndpointAsync).WithSummary("一道试题（含答案）");
        api.MapPost("/items", CreateItem.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("出题：单选、多选、判断、填空（可多空，每空可有多个参考答案）、简答（人工批阅，附参考答案）");
        api.MapPut("/items/{id:guid}", UpdateItem.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("修改试题（仅出题教师本人），可共享给本校教师");
        api.MapDelete("/items/{id:guid}", UpdateItem.RetireEndpointAsync).RequireRoles(Role.Teacher).WithSummary("删除试题（停用，已组卷的自测不受影响）");
        api.MapGet("/items/qti", ExportQti.PackageEndpointAsync).WithSummary("导出 QTI 2.1 内容包（zip，含 imsmanifest.xml）：ids 为逗号分隔的试题编号，缺省为可见的全部试题");
        api.MapGet("/items/{id:guid}/qti", ExportQti.ItemEndpointAsync).WithSummary("导出一道试题的 QTI 2.1 assessmentItem XML");
        api.MapPost("/items/import", ImportQti.EndpointAsync).RequireRoles(Role.Teacher).DisableAntiforgery()
            .WithSummary("导入 QTI 2.1 试题：单个 .xml 或内容包 .zip（全部成功或全部不导入）；表单字段 file，可选 stageCode、subjectCode");
        return app;
    }
}
