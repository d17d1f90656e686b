using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using EduCloud.Records.Contracts;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Features;
using EduCloud.Records.Features.Clients;
using EduCloud.Records.Features.Documents;
using EduCloud.Records.Features.Statements;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Records;

/// <summary>
/// 学习记录存储 (LRS): the xAPI 1.0.3 Statements, State, Activity Profile, Agent Profile, Activities, Agents and
/// About resources under /xapi, for our own modules (in-process through <see cref="ILearningRecords"/>) and for
/// outside tools (HTTP Basic with credentials issued per client, or a bearer token).
/// </summary>
public static class RecordsModule
{
    private static readonly string[] GetHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<RecordsDbContext, SqliteRecordsDbContext, PostgresRecordsDbContext>(configuration, "Records");
        services.AddSingleton(configuration.GetSection("Records").Get<RecordsOptions>() ?? new RecordsOptions());
        var groupCommit = configuration.GetSection("Records:GroupCommit").Get<GroupCommitOptions>() ?? new GroupCommitOptions();
        services.AddSingleton(groupCommit);
        if (groupCommit.Enabled)
        {
            services.AddSingleton<CommitSinglesTogether>();
            services.AddHostedService(sp => sp.GetRequiredService<CommitSinglesTogether>());
        }
        services.AddScoped<ILearningRecords, RecordLearningAct>();
        services.AddScoped<ILearningActivity, ReadLastActivityBySchool>();
        services.AddScoped<ILearningTimeline, ReadLearningTimeline>();
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, AlternateRequestSyntax>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, LrsBasicHandler>(BasicCredentials.Scheme, null);
        return services;
    }

    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var xapi = app.MapGroup("/xapi").WithTags("xAPI").AddEndpointFilter(XapiHttp.FilterAsync).DisableAntiforgery();
        xapi.MapMethods("/about", GetHead, DescribeResources.About).WithSummary("LRS 信息：支持的 xAPI 版本");
        xapi.MapPut("/statements", PostStatements.PutAsync).WithSummary("存储一条语句（statementId 参数）");
        xapi.MapPost("/statements", PostStatements.PostAsync).WithSummary("存储一条或一批语句，返回语句 id");
        xapi.MapMethods("/statements", GetHead, GetStatements.HandleAsync).WithSummary("按 id 取语句，或按条件查询语句（more 链接续页）");
        MapDocuments(xapi, "/activities/state", DocumentKind.State, "状态文档");
        MapDocuments(xapi, "/activities/profile", DocumentKind.ActivityProfile, "活动档案文档");
        MapDocuments(xapi, "/agents/profile", DocumentKind.AgentProfile, "学习者档案文档");
        xapi.MapMethods("/activities", GetHead, DescribeResources.ActivityAsync).WithSummary("活动的完整定义");
        xapi.MapMethods("/agents", GetHead, DescribeResources.AgentAsync).WithSummary("学习者（Person 对象）");

        var api = app.MapGroup("/api/v1/records").WithTags("Records").RequireAuthorization();
        var issuers = new[] { Role.Teacher, Role.SchoolAdmin, Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin };
        api.MapGet("/timeline/{learnerId:guid}", async (ILearningTimeline timeline, Guid learnerId, string? month, string? kind, long? before, int? take, CancellationToken ct) =>
                TypedResults.Ok(await timeline.ReadAsync(learnerId, new TimelineQuery(month, kind, before, take ?? 30), ct)))
            .WithSummary("学习生涯记录：一名学生的学习行为（作业、自测等），最新在前；month=yyyy-MM、kind=homework|quiz|other 筛选，before 续页；本人、家长、任课教师可看");
        api.MapPost("/clients", LrsClientCredentials.IssueEndpointAsync).RequireRoles(issuers).WithSummary("为外部学习工具签发 LRS 客户端凭据（密钥只显示一次）");
        api.MapGet("/clients", LrsClientCredentials.ListEndpointAsync).RequireRoles(issuers).WithSummary("我签发的 LRS 客户端");
        api.MapDelete("/clients/{id:guid}", LrsClientCredentials.RevokeEndpointAsync).RequireRoles(issuers).WithSummary("吊销 LRS 客户端凭据");
        return app;
    }

    private static void MapDocuments(RouteGroupBuilder xapi, string path, DocumentKind kind, string name)
    {
        xapi.MapMethods(path, GetHead, DocumentEndpoints.Get(kind)).WithSummary($"取{name}或其 id 列表");
        xapi.MapPut(path, DocumentEndpoints.Put(kind, merge: false)).WithSummary($"存储{name}（替换）");
        xapi.MapPost(path, DocumentEndpoints.Put(kind, merge: true)).WithSummary($"存储{name}（JSON 合并）");
        xapi.MapDelete(path, DocumentEndpoints.Delete(kind)).WithSummary($"删除{name}");
    }
}
