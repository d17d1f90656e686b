using EduCloud.Kernel.Files;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using EduCloud.Resources.Data;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Features.Catalogue;
using EduCloud.Resources.Features.ClassPush;
using EduCloud.Resources.Features.Discovery;
using EduCloud.Resources.Features.Interactions;
using EduCloud.Resources.Features.Oai;
using EduCloud.Resources.Features.Trading;
using EduCloud.Resources.Features.Publishing;
using EduCloud.Resources.Features.Resources;
using EduCloud.Resources.Features.Review;
using EduCloud.Resources.Features.Uploads;
using EduCloud.Resources.Files;
using EduCloud.Resources.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Resources;

/// <summary>
/// 教育资源公共服务平台 / 数字教育资源超市: the textbook catalogue, resources and their versions, files, review before
/// publication, search, interactions, licensing and trading, 一师一优课 and OAI-PMH.
/// </summary>
public static class ResourcesModule
{
    private static readonly Role[] Uploaders = [Role.Teacher, Role.ResourceProvider, Role.SchoolAdmin];
    private static readonly Role[] CatalogueEditors = [Role.NationalAdmin, Role.ProvinceAdmin];

    public static IServiceCollection AddResources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ResourcesDbContext, SqliteResourcesDbContext, PostgresResourcesDbContext>(configuration, "Resources");
        services.AddSingleton(ResourcesOptions.From(configuration));
        services.AddScoped<Contracts.IResourceLookup, ResourceLookup>();
        services.AddSingleton<IResourceSearch, BigramResourceSearch>();
        services.AddSingleton<SearchFeeder>();
        services.AddHostedService<SearchLoader>();
        services.AddSingleton<OfficePreviews>();
        services.AddHostedService(sp => sp.GetRequiredService<OfficePreviews>());
        Texts.AddEnglish(ResourcesTexts.English);
        Texts.AddEnglish(MarketTexts.English);
        return services;
    }

    /// <summary>After migration: the shipped textbook catalogue on an empty catalogue, and the search filled.</summary>
    public static async Task LoadReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.ActAsPlatform();
        var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
        if (!await db.CatalogueNodes.AnyAsync(ct))
        {
            await ImportCatalogue.ApplyAsync(db, CatalogueSeed.Rows(), ct);
        }
        await StampOaiRecord.BackfillAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<SearchFeeder>().LoadAllAsync(db, ct);
    }

    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/resources").WithTags("Resources").RequireAuthorization();
        api.MapGet("/codes", GetCodes).WithSummary("资源元数据代码表：类型（CELTS-41）、学段、学科、年级、语种、授权方式、类别");
        api.MapGet("/catalogue", ListCatalogue.EndpointAsync).WithSummary("教材目录：某节点的下级（不带 parentId 为学段）");
        api.MapGet("/catalogue/{id:guid}/path", ListCatalogue.PathEndpointAsync).WithSummary("教材目录节点的完整路径（学段→学科→版本→册→章→节）");
        api.MapPost("/catalogue", EditCatalogue.AddEndpointAsync).RequireRoles(CatalogueEditors).WithSummary("新增教材目录节点");
        api.MapPut("/catalogue/{id:guid}", EditCatalogue.UpdateEndpointAsync).RequireRoles(CatalogueEditors).WithSummary("修改教材目录节点（名称、顺序、年级、停用）");
        api.MapPost("/catalogue/import", ImportCatalogue.EndpointAsync).RequireRoles(CatalogueEditors).DisableAntiforgery()
            .WithSummary("导入教材目录（.xlsx 或 .csv，表头：学段,学科,教材版本,册,章,节）");

        api.MapPost("/uploads", CreateUpload.EndpointAsync).RequireRoles(Uploaders).WithSummary("开始断点续传上传（声明文件名、大小和 SHA-256）");
        api.MapMethods("/uploads/{id:guid}", ["HEAD"], GetUpload.HeadEndpointAsync).RequireRoles(Uploaders).WithSummary("查询已接收字节数（Upload-Offset 响应头）");
        api.MapGet("/uploads/{id:guid}", GetUpload.EndpointAsync).RequireRoles(Uploaders).WithSummary("查询上传状态与已接收字节数");
        api.MapPatch("/uploads/{id:guid}", AppendChunk.EndpointAsync).RequireRoles(Uploaders).WithSummary("从 Upload-Offset 处追加一个分片");
        api.MapPut("/uploads/{id:guid}", AppendChunk.EndpointAsync).RequireRoles(Uploaders).WithSummary("从 Upload-Offset 处追加一个分片（同 PATCH）");
        api.MapPost("/uploads/{id:guid}/complete", CompleteUpload.EndpointAsync).RequireRoles(Uploaders).WithSummary("完成上传：校验大小与 SHA-256、识别文件内容、病毒扫描");

        api.MapPost("", CreateResource.EndpointAsync).RequireRoles(Uploaders).WithSummary("新建资源（第1版，含元数据和已上传的文件）");
        api.MapGet("/mine", ListMyResources.EndpointAsync).WithSummary("我的资源：最新版本的审核状态与意见");
        api.MapGet("/{id:guid}", GetResource.EndpointAsync).WithSummary("资源详情（所有人看已发布版本；上传者和审核员另见各版本、意见与事件记录）");
        api.MapPost("/{id:guid}/versions", AddVersion.EndpointAsync).RequireRoles(Uploaders).WithSummary("提交资源的新版本（驳回后修改或更新已发布资源）");
        api.MapGet("/{id:guid}/preview", DownloadFile.PreviewEndpointAsync).WithSummary("Office 文档的 PDF 预览（后台由 LibreOffice 生成；未生成时 404）");
        api.MapGet("/{id:guid}/file", DownloadFile.EndpointAsync).WithSummary("下载或在线播放资源文件（支持 Range 断点和拖动播放；付费资源校验授权）");

        api.MapGet("/workflow", ListReviewQueue.WorkflowEndpoint).WithSummary("审核流程：允许的状态转换及可执行的角色");
        api.MapGet("/review-queue", ListReviewQueue.EndpointAsync).RequireRoles(Role.ResourceReviewer, Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin)
            .WithSummary("审核队列：本人所辖地区内待本人处理的资源版本");
        api.MapPost("/versions/{versionId:guid}/{trigger}", TakeTransition.EndpointAsync)
            .WithSummary("审核操作：Submit 提交、Withdraw 撤回、StartFirstReview 开始初审、PassFirstReview 初审通过、Publish 发布、Reject 驳回、TakeDown 下架");
        MapDiscovery(api);
        DiscoveryPageActions.Map(app);

        api.MapPost("/orders", BuyLicence.EndpointAsync).RequireRoles(Role.SchoolAdmin)
            .WithSummary("学校管理员为本校购买付费资源的使用授权（从本年度预算扣款并授权，余额不足或重复购买时拒绝；到期前60天内再次购买即续订，从到期日起算）");
        api.MapPost("/orders/{id:guid}/refund", RefundOrder.EndpointAsync).RequireRoles(Role.SchoolAdmin)
            .WithSummary("退款：下单学校的学校管理员在下单后7天内申请（须填写原因），退回本校预算并收回授权");
        api.MapGet("/orders", ListSchoolOrders.EndpointAsync).RequireAdministrator().WithSummary("学校的订单与本年度预算余额（按数据范围；可按 schoolId 筛选）");
        api.MapGet("/revenue", ReportRevenue.EndpointAsync).RequireRoles(Role.ResourceProvider).WithSummary("资源提供商的订单与收入（按资源、按月统计）");
        api.MapPut("/budgets", AllocateBudget.EndpointAsync).RequireAdministrator().WithSummary("设置学校某年度的资源采购预算（单位：分，记入审计）");
        api.MapGet("/{id:guid}/metadata", ExportMetadata.EndpointAsync).WithSummary("导出资源元数据：format=oai_dc（都柏林核心）或 lom（LOM/CELTS-3）");
        app.MapMethods("/oai", ["GET", "POST"], OaiEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        PageActions.Map(app);
        TradingPageActions.Map(app);
        return app;
    }

    /// <summary>Finding and using resources: search, favourites, ratings, comments, push to class and its record of use.</summary>
    private static void MapDiscovery(RouteGroupBuilder api)
    {
        api.MapGet("/search", SearchResources.EndpointAsync)
            .WithSummary("资源检索：q 检索词（1个字、2个字或更长均可），按 stage/subject/grade/type/format/language/licence/kind/node 筛选，sort=relevance|newest|mostused|bestrated，page/size 分页，返回分面统计");
        api.MapGet("/favourites", ToggleFavourite.ListEndpointAsync).WithSummary("我的收藏");
        api.MapPost("/{id:guid}/favourite", ToggleFavourite.EndpointAsync).WithSummary("收藏或取消收藏（切换）");
        api.MapGet("/{id:guid}/rating", GetRating).WithSummary("资源评分：平均分、评分人数和本人的评分");
        api.MapPut("/{id:guid}/rating", RateResource.EndpointAsync).WithSummary("评分（1-5 星，每人每个资源一个，重复评分覆盖）");
        api.MapGet("/{id:guid}/comments", CommentOnResource.ListEndpointAsync).WithSummary("资源评论（已审核通过的；上传者和审核员另见待审核的）");
        api.MapPost("/{id:guid}/comments", CommentOnResource.AddEndpointAsync).WithSummary("发表评论（审核通过后对他人可见）");
        api.MapGet("/comments/pending", ListPendingComments.EndpointAsync).WithSummary("待我审核的评论（我上传的资源，以及审核员/管理员辖区内的资源）");
        api.MapPost("/comments/{commentId:guid}/approve", CommentOnResource.ApproveEndpointAsync).WithSummary("评论审核：通过（资源上传者或审核员）");
        api.MapPost("/comments/{commentId:guid}/reject", CommentOnResource.RejectEndpointAsync).WithSummary("评论审核：不通过（资源上传者或审核员）");
        api.MapGet("/my-classes", PushToClass.MyClassesEndpointAsync).WithSummary("本人任教的班级（推送目标）");
        api.MapPost("/{id:guid}/push", PushToClass.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("推送到班级：把已发布且有权使用的资源推送到本人任教的一个或多个班级，可附说明");
        api.MapGet("/class", ClassResources.ListEndpointAsync).WithSummary("班级资源：学生看本班收到的推送，教师看所教班级的推送");
        api.MapGet("/class/{pushId:guid}", ClassResources.OpenEndpointAsync).WithSummary("打开班级资源（学生打开计入本班使用记录）");
        api.MapGet("/class/{pushId:guid}/file", ClassResources.FileEndpointAsync).WithSummary("班级资源文件（支持 Range 拖动播放；download=true 时计入本班下载记录）");
        api.MapGet("/class/{pushId:guid}/uses", ClassUseReport.EndpointAsync).WithSummary("推送的使用记录：班级每名学生的打开和下载次数（仅该班任课教师）");
    }

    private static async Task<IResult> GetRating(ResourcesDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        await VisibleResource.RequireAsync(db, directory, id, ct);
        return TypedResults.Ok(await RateResource.SummaryAsync(db, id, ct));
    }

    private static IResult GetCodes() => TypedResults.Ok(new
    {
        types = Codes(Domain.ResourceCodes.Types),
        stages = Codes(Domain.ResourceCodes.Stages),
        subjects = Codes(Domain.ResourceCodes.Subjects),
        grades = Codes(Domain.ResourceCodes.Grades),
        languages = Codes(Domain.ResourceCodes.Languages),
        licences = Codes(Domain.ResourceCodes.Licences),
        kinds = Enum.GetValues<Domain.ResourceKind>().Select(k => new CodeName(k.ToString(), Domain.ResourceCodes.KindName(k))),
        formats = ContentSniffer.Extensions,
    });

    private static IEnumerable<CodeName> Codes(IReadOnlyList<(string Code, string Name)> list) => list.Select(x => new CodeName(x.Code, x.Name));
}

internal sealed record CodeName(string Code, string Name);
