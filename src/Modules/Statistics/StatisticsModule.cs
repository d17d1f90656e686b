using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Web;
using EduCloud.Statistics.Features;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Statistics;

/// <summary>五级统计: students and teachers rolled up school → county → city → province → nation, in memory.</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StudentPopulation>();
        services.AddSingleton<RollupCube<StudentPopulation>>();
        services.AddSingleton<TeacherPopulation>();
        services.AddSingleton<RollupCube<TeacherPopulation>>();
        services.AddHostedService<WarmRollupsOnStart>();
        Texts.AddEnglish(StatisticsTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/stats").WithTags("Statistics").RequireAuthorization();
        api.MapGet("/students", ReadStudentStatistics.EndpointAsync).RequireAdministrator()
            .WithSummary("学生五级统计：本级合计、分组明细与下级单位（node=行政区划代码或学校标识，by=stage|grade|sex|ethnicity|urbanRural|status）");
        api.MapGet("/students.xlsx", ExportStudentStatistics.EndpointAsync).RequireAdministrator()
            .WithSummary("学生五级统计导出为 .xlsx（中文表头）");
        api.MapGet("/teachers", ReadTeacherStatistics.EndpointAsync).RequireAdministrator()
            .WithSummary("教师五级统计：在岗教师合计、分组明细与下级单位（by=subject|qualification|education|title|sex；每位教师只按主教学科计一次）");
        api.MapGet("/teachers.xlsx", ExportTeacherStatistics.EndpointAsync).RequireAdministrator()
            .WithSummary("教师五级统计导出为 .xlsx（中文表头）");
        api.MapGet("/ratios", ReadPupilTeacherRatios.EndpointAsync).RequireAdministrator()
            .WithSummary("生师比：本级与各下级单位的在籍学生数、在岗教师数及生师比");
        api.MapGet("/ratios.xlsx", ExportPupilTeacherRatios.EndpointAsync).RequireAdministrator()
            .WithSummary("生师比导出为 .xlsx（中文表头）");
        return app;
    }
}
