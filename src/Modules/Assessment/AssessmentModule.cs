using EduCloud.Assessment.Data;
using EduCloud.Assessment.Features.Attempts;
using EduCloud.Assessment.Features.Items;
using EduCloud.Assessment.Features.Mastery;
using EduCloud.Assessment.Features.Qti;
using EduCloud.Assessment.Features.Quizzes;
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
        services.AddScoped<Contracts.IItemBank, ItemBank>();
        services.AddSingleton<ExamGate>();
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

        api.MapGet("/quizzes", ListQuizzes.EndpointAsync).WithSummary("我的自测：教师为本人布置的自测；学生为本班的自测（开放中的在前）及本人的作答和得分");
        api.MapPost("/quizzes", CreateQuiz.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("组卷并布置自测：从题库选题（顺序、分值），布置给本人任教的一个或多个班级，设开放和截止时间、限时、可作答次数、交卷后是否显示答案");
        api.MapGet("/mastery", ClassMastery.EndpointAsync).RequireRoles(Role.Teacher, Role.SchoolAdmin, Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin)
            .WithSummary("班级知识点掌握（?classId=）：每名学生每个知识点的掌握率（得分÷满分，取每次自测最后一次提交）、班级掌握率和薄弱知识点（本班教师及学校管理员可见）");
        api.MapGet("/mastery.xlsx", ExportMastery.EndpointAsync).RequireRoles(Role.Teacher, Role.SchoolAdmin, Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin)
            .WithSummary("导出班级知识点掌握 .xlsx（与页面数字一致）");
        api.MapPut("/quizzes/{id:guid}", UpdateQuiz.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("修改自测（仅布置教师，且在任何学生开始作答之前；之后返回409，请新建自测）：名称、试题、班级、时间、限时、次数、是否显示答案");
        api.MapGet("/quizzes/{id:guid}/statistics", QuizStatistics.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("试题统计（仅布置教师）：每题作答人数、难度系数（得分率）、区分度（高低分组各27%）、选项分布；及全部作答");
        api.MapPost("/quizzes/{id:guid}/attempts", StartAttempt.EndpointAsync).RequireRoles(Role.Student).ThroughExamGate(ExamGate.Kind.Start)
            .WithSummary("开始作答（幂等：已有未提交的作答时返回该作答）");
        api.MapGet("/attempts/{id:guid}", GetAttempt.EndpointAsync).WithSummary("一次作答：题目、已保存的答案；提交后含得分，教师允许时含正确答案");
        api.MapPut("/attempts/{id:guid}/answers/{quizItemId:guid}", AnswerItem.EndpointAsync).RequireRoles(Role.Student).ThroughExamGate(ExamGate.Kind.Answer)
            .WithSummary("保存一题的答案（再次作答覆盖）：选择题为选项字母，填空题每空一项，简答题为文本");
        api.MapPost("/attempts/{id:guid}/submit", SubmitAttempt.EndpointAsync).RequireRoles(Role.Student).ThroughExamGate(ExamGate.Kind.Answer)
            .WithSummary("交卷：客观题立即自动批阅，简答题待教师批阅；截止或超过限时后拒绝；重复提交返回同一结果");
        api.MapPost("/attempts/{id:guid}/answers/{quizItemId:guid}/mark", MarkAnswer.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("批阅简答题（仅布置教师）：得分与评语");
        api.MapGet("/children/attempts", ListChildAttempts.EndpointAsync).RequireRoles(Role.Parent)
            .WithSummary("家长查看孩子的自测作答：自测名称、时间、得分、状态（最新在前，每个孩子最多50条）；childId 只看一个孩子");
        Features.PageActions.Map(app);
        return app;
    }
}
