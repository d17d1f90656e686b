using System.Text.Json;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Features.Alerts;
using EduCloud.Monitoring.Features.Indicators;
using EduCloud.Monitoring.Features.Reports;
using EduCloud.Monitoring.Features.Returns;
using EduCloud.Monitoring.Indicators;
using EduCloud.Monitoring.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Monitoring;

/// <summary>
/// 教育信息化监测: the annual 办学条件与信息化年报 (form as data, approval school → county → city → province, versions),
/// the indicator catalogue against the national targets, values per school rolled up over the five levels in
/// memory, and the /monitoring dashboard.
/// </summary>
public static class MonitoringModule
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<MonitoringDbContext, SqliteMonitoringDbContext, PostgresMonitoringDbContext>(configuration, "Monitoring");
        services.AddSingleton<IndicatorBoard>();
        services.AddScoped<PrefillReturn>();
        AddAlerts(services);
        // 督导报告: a queue of job ids worked off by one hosted worker (Reports/).
        services.AddSingleton<ReportQueue>();
        services.AddSingleton(ReportOptions.From(configuration));
        services.AddScoped<GenerateReport>();
        services.AddHostedService<ReportWorker>();
        Texts.AddEnglish(MonitoringTexts.English);
        Texts.AddEnglish(ReportTexts.English);
        return services;
    }

    /// <summary>After migration: the shipped forms and indicator catalogue on an empty database (an operator's later edits are kept).</summary>
    public static async Task LoadReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.ActAsPlatform();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var now = DateTime.UtcNow;
        var form = FormSpec.Parse(Read("form-2026.json"));
        if (!await db.Forms.AnyAsync(f => f.Year == form.Year, ct))
        {
            db.Forms.Add(new FormDefinition { Year = form.Year, Title = form.Title, Json = Read("form-2026.json"), UpdatedAt = now });
        }
        if (!await db.Indicators.AnyAsync(ct))
        {
            foreach (var row in IndicatorRows())
            {
                CompiledIndicator.Of(row); // a broken formula fails here, at start-up
                db.Indicators.Add(row);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The shipped indicator catalogue (Reference/indicators.json), seeded from STANDARDS.md's target table.</summary>
    internal static IEnumerable<Indicator> IndicatorRows()
    {
        using var doc = JsonDocument.Parse(Read("indicators.json"));
        var order = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            yield return new Indicator
            {
                Key = e.GetProperty("key").GetString()!,
                Name = e.GetProperty("name").GetString()!,
                Definition = e.GetProperty("definition").GetString()!,
                Formula = e.GetProperty("formula").GetString()!,
                AppliesWhen = e.TryGetProperty("appliesWhen", out var w) ? w.GetString() : null,
                Unit = e.GetProperty("unit").GetString()!,
                Display = e.GetProperty("display").GetString()!,
                Source = e.GetProperty("source").GetString()!,
                Reference = e.GetProperty("reference").GetString()!,
                TargetsJson = e.GetProperty("targets").GetRawText(),
                SortOrder = ++order,
            };
        }
    }

    internal static string Read(string name)
    {
        using var stream = typeof(MonitoringModule).Assembly.GetManifestResourceStream("EduCloud.Monitoring.Reference." + name)
            ?? throw new InvalidOperationException("missing reference data " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/monitoring").WithTags("Monitoring").RequireAuthorization().RequireAdministrator();
        api.MapGet("/forms/{year:int}", GetFormAsync).WithSummary("某年度办学条件与信息化年报的表单定义（字段、校验规则、异常值规则）");
        api.MapGet("/workflow", () => TypedResults.Ok(ReturnWorkflow.Table.Select(t => new
        {
            from = t.From.ToString(), fromName = ReturnWorkflow.StatusName(t.From), trigger = t.Trigger.ToString(), triggerName = ReturnWorkflow.TriggerName(t.Trigger),
            to = t.To.ToString(), toName = ReturnWorkflow.StatusName(t.To), roles = t.Roles.Select(r => r.ToString()), needsComment = t.NeedsComment,
        }))).WithSummary("年报审核流程：允许的状态转换及可执行的角色");
        api.MapGet("/returns", ListReturns.EndpointAsync).WithSummary("本人所辖范围内某年度的年报（当前版本，待本人处理的在前）");
        api.MapPost("/returns", StartReturn.EndpointAsync).RequireRoles(Role.SchoolAdmin).WithSummary("开始填报年报（第1版，按平台数据和上年年报预填；已存在则返回当前版本）");
        api.MapGet("/returns/{id:guid}", GetReturn.EndpointAsync).WithSummary("年报详情：各字段、当前问题、可执行操作、各版本与审核记录");
        api.MapPut("/returns/{id:guid}", SaveReturn.EndpointAsync).RequireRoles(Role.SchoolAdmin).WithSummary("保存年报（填报中；已退回的年报保存为新版本）");
        api.MapPost("/returns/{id:guid}/{trigger}", TakeReturnStep.EndpointAsync)
            .WithSummary("年报操作：Submit 提交、Withdraw 撤回、Approve 审核通过（县→市→省）、SendBack 退回修改（须填意见）");
        api.MapGet("/indicators", ReadDashboard.CatalogueEndpointAsync).WithSummary("监测指标目录：定义、公式、按学校类别和年度的目标、来源");
        api.MapGet("/dashboard", ReadDashboard.EndpointAsync)
            .WithSummary("监测看板：某指标在某节点（national、行政区划代码或学校标识）的达标情况，及各下级单位或学校");
        api.MapGet("/map", ReadMap.EndpointAsync)
            .WithSummary("监测地图：省、市（州）地图及各下级区域的达标情况；县级节点显示所在市（州）地图并突出本县（仅贵州省及其各市州有地图）");
        api.MapPost("/reports", RequestReport.EndpointAsync).WithSummary("申请生成本人所辖范围（或指定节点）某年度的教育信息化专项督导报告（后台任务）");
        api.MapGet("/reports", ReadReports.ListEndpointAsync).WithSummary("本人所辖范围内的督导报告任务（最新在前）：状态、进度、说明");
        api.MapGet("/reports/{id:guid}", ReadReports.GetEndpointAsync).WithSummary("督导报告任务的状态与进度");
        api.MapGet("/reports/{id:guid}/{format:regex(^(pdf|xlsx)$)}", DownloadReport.EndpointAsync).WithSummary("下载已完成的督导报告（pdf 或 xlsx）");
        ReturnPageActions.Map(app);
        MapAlerts(app, api);
        ReportPageActions.Map(app);
        return app;
    }

    /// <summary>Early warning, trends and the open-data catalogue (issue 6).</summary>
    private static void AddAlerts(IServiceCollection services)
    {
        services.AddSingleton<EvaluateAlerts>();
        services.AddSingleton<AfterReturnChanged>();
        services.AddSingleton<ScheduledMonitoringRun>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledMonitoringRun>());
        services.AddSingleton<OpenData.OpenDataCatalogue>();
        Texts.AddEnglish(MonitoringAlertTexts.English);
    }

    private static void MapAlerts(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var bureaus = new[] { Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin };
        api.MapGet("/alerts", ListAlerts.EndpointAsync).WithSummary("本人所辖范围内的预警（status=active 待处理和已确认（默认）/open/acknowledged/closed/resolved/all；mine=true 仅分派给本人角色的）");
        api.MapGet("/alerts/rules", (EvaluateAlerts e) => TypedResults.Ok(e.Rules)).WithSummary("预警规则：适用层级、指标或条件、阈值、严重程度");
        api.MapGet("/alerts/{id:guid}", GetAlert.EndpointAsync).WithSummary("预警详情及处理记录（谁、何时、说明）");
        api.MapPost("/alerts/{id:guid}/{trigger}", TakeAlertStep.EndpointAsync).WithSummary("处理预警：Acknowledge 确认、Close 关闭（须填处理说明）；仅限分派到的管理员");
        api.MapPost("/alerts/evaluate", async (ScheduledMonitoringRun run, CancellationToken ct) => TypedResults.Ok(await run.RunAsync(ct)))
            .RequireRoles(bureaus).WithSummary("重新评估：重算年度指标快照并运行全部预警规则");
        api.MapGet("/trends", Features.Trends.ReadTrend.EndpointAsync).WithSummary("指标年度趋势：某指标在某节点各年度的达标学校数、达标率和平均值（年度快照）");
        AlertPageActions.Map(app);
        OpenData.DownloadOpenData.Map(app);
    }

    private static async Task<IResult> GetFormAsync(MonitoringDbContext db, int year, CancellationToken ct) =>
        TypedResults.Text((await ReturnForms.GetAsync(db, year, ct)).ToJson(), "application/json");
}
