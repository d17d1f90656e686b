using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Features;
using EduCloud.Lessons.Features.Entries;
using EduCloud.Lessons.Features.Results;
using EduCloud.Lessons.Features.Review;
using EduCloud.Lessons.Features.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Lessons;

/// <summary>
/// 一师一优课、一课一名师: contest rounds per year, 晒课 entries built from the teacher's resources, rubric scoring,
/// tiered recommendation county → city → province → ministry with quotas, and the published awards.
/// </summary>
public static class LessonsModule
{
    private static readonly Role[] RoundAdmins = [Role.NationalAdmin, Role.ProvinceAdmin];
    private static readonly Role[] Bureaus = [Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin];
    private static readonly Role[] Reviewers = [.. Bureaus, Role.ResourceReviewer];

    public static IServiceCollection AddLessons(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LessonsDbContext, SqliteLessonsDbContext, PostgresLessonsDbContext>(configuration, "Lessons");
        Texts.AddEnglish(LessonsTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapLessons(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/lessons").WithTags("Lessons").RequireAuthorization();
        api.MapGet("/rounds", ListRounds.EndpointAsync).WithSummary("一师一优课活动年度列表（含评分细则、推荐名额、当前阶段）");
        api.MapGet("/rounds/{id:guid}", ListRounds.GetEndpointAsync).WithSummary("一个活动年度的详情");
        api.MapPost("/rounds", CreateRound.EndpointAsync).RequireRoles(RoundAdmins).WithSummary("创建活动年度（国家级管理员建全国活动，省级管理员建本省活动），可带评分细则");
        api.MapPost("/rounds/{id:guid}/phase", AdvancePhase.EndpointAsync).RequireRoles(RoundAdmins)
            .WithSummary("推进活动阶段：Submission 晒课 → CountyReview 县级评优 → CityReview 市级评优 → ProvinceReview 省级评优 → MinistryReview 部级评优 → Published 结果公布");
        api.MapPut("/rounds/{id:guid}/rubric", EditRubric.EndpointAsync).RequireRoles(RoundAdmins)
            .WithSummary("修改活动的评分细则（各项满分之和须为100），仅限活动组织者、在第一次评分之前");
        api.MapPut("/rounds/{id:guid}/quotas/{regionCode}", SetQuota.EndpointAsync).RequireRoles(Bureaus).WithSummary("设置某县、市、省本活动向上推荐的名额（由上一级设置）");

        api.MapPost("/entries", SubmitEntry.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("晒课：选择本人的教学设计、课件、课堂实录和练习资源提交一节课（每人每年度一节）");
        api.MapPut("/entries/{id:guid}", EditEntry.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("修改本人的晒课（课题、简介、教学设计等资源），仅限尚未评分、尚无评优决定时");
        api.MapDelete("/entries/{id:guid}", WithdrawEntry.EndpointAsync).RequireRoles(Role.Teacher)
            .WithSummary("撤回本人的晒课，仅限尚未评分、尚无评优决定时；撤回后可重新晒课");
        api.MapGet("/entries/mine", ListMyEntries.EndpointAsync).WithSummary("我的晒课及其评优进度和获奖情况");
        api.MapGet("/review-queue", ListReviewQueue.EndpointAsync).RequireRoles(Reviewers).WithSummary("评审队列：本人所辖地区、当前评优级别的课例及平均分");
        api.MapPost("/entries/{id:guid}/scores", ScoreEntry.EndpointAsync).RequireRoles(Reviewers).WithSummary("按评分细则为课例评分（各评分项不得超过满分，多名评审取平均分）");
        api.MapPost("/entries/{id:guid}/{trigger}", DecideEntry.EndpointAsync).RequireRoles(Bureaus)
            .WithSummary("本级评优决定：Recommend 推荐（校验推荐名额）、Decline 不推荐、Revoke 撤销本级决定");
        app.MapGet("/api/v1/lessons/results/{roundId:guid}", ListResults.EndpointAsync).WithTags("Lessons").AllowAnonymous()
            .WithSummary("优课结果公示：已公布活动的部级、省级、市级、县级优课名单，可按地区代码筛选（无需登录）");
        PageActions.Map(app);
        return app;
    }
}
