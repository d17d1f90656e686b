using EduCloud.Kernel.Data;
using EduCloud.Kernel.Localization;
using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Web;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Features;
using EduCloud.Spaces.Features.Groups;
using EduCloud.Spaces.Features.Messages;
using EduCloud.Spaces.Features.Plans;
using EduCloud.Spaces.Features.Spaces;
using EduCloud.Spaces.Features.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Spaces;

/// <summary>
/// 网络学习空间: notices with receipts (家校通知), teacher-parent messages, notification preferences, the class, school and
/// personal spaces, research groups and master-teacher studios with lesson preparation (教案 versions, proposals,
/// comments) and lesson observations (听评课).
/// </summary>
public static class SpacesModule
{
    private static readonly Role[] Senders = [Role.Teacher, Role.SchoolAdmin, Role.CountyAdmin, Role.CityAdmin, Role.ProvinceAdmin, Role.NationalAdmin];

    public static IServiceCollection AddSpaces(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SpacesDbContext, SqliteSpacesDbContext, PostgresSpacesDbContext>(configuration, "Spaces");
        Texts.AddEnglish(SpacesTexts.English);
        return services;
    }

    public static IEndpointRouteBuilder MapSpaces(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/spaces").WithTags("Spaces").RequireAuthorization();
        api.MapPost("/attachments", UploadAttachment.EndpointAsync).RequireRoles(Senders).DisableAntiforgery()
            .WithSummary("上传通知附件（multipart 字段 file；pdf/docx/xlsx/pptx/doc/xls/jpg/png/txt，不超过 10 MB，经病毒扫描）");
        api.MapPost("/notices", SendNotice.EndpointAsync).RequireRoles(Senders)
            .WithSummary("发送通知：教师发给本人任教班级的家长/学生（classIds），学校管理员发给本校班级或全校，教育局发给辖区学校（schoolIds）；audience = Parents/Students/ParentsAndStudents/Staff/Everyone");
        api.MapGet("/notices/inbox", ListNotices.InboxEndpointAsync).WithSummary("我收到的通知（未读在前）");
        api.MapGet("/notices/sent", ListNotices.SentEndpointAsync).WithSummary("我发出的通知及已读、回执人数");
        api.MapGet("/notices/{id:guid}", ReadNotice.EndpointAsync).WithSummary("查看通知（收件人打开即标记已读；发送人可见回执统计）");
        api.MapPost("/notices/{id:guid}/acknowledge", AcknowledgeNotice.EndpointAsync).WithSummary("回执：确认已收到通知（重复点击只记第一次）");
        api.MapGet("/notices/{id:guid}/receipts", ListReceipts.EndpointAsync).WithSummary("回执情况：已读、已回执人数及未读、未回执名单（仅发送人）");
        api.MapGet("/notices/{id:guid}/attachments/{attachmentId:guid}", DownloadAttachment.EndpointAsync).WithSummary("下载通知附件");
        MapMessages(api);
        MapGroups(api);
        PageActions.Map(app);
        api.MapGet("/me", GetMySpace.EndpointAsync).WithSummary("个人空间：我的通知与会话（未读在前）、站内提醒、教研组、所属班级和学校空间");
        api.MapGet("/class/{id:guid}", GetClassSpace.EndpointAsync).WithSummary("班级空间：班级通知、活动概况（通知数、家校会话数、师生人数）和成员（本班师生、家长、管理员可见）");
        api.MapGet("/region/{code}", GetRegionSpace.EndpointAsync).WithSummary("区域空间：教育局发往本区域学校的通知、近 30 天活动概况（通知数、已读率、回执率、教研组、教案）和下级区域或学校（本区域及上级教育局可见，区域内学校教职工只读）");
        api.MapGet("/school/{id:guid}", GetSchoolSpace.EndpointAsync).WithSummary("学校空间：全校通知、活动概况和教职工（本校成员及上级管理员可见）");
        return app;
    }

    private static void MapMessages(RouteGroupBuilder api)
    {
        api.MapGet("/messages/contacts", ListContacts.EndpointAsync).WithSummary("可联系的人：家长看到孩子的任课老师，教师看到所教学生的家长");
        api.MapPost("/messages", SendMessage.EndpointAsync).RequireRoles(Role.Parent, Role.Teacher)
            .WithSummary("发消息：家长发给孩子的任课老师（childId + teacherId），教师发给所教学生的家长（childId + parentId）；无关的人返回 403");
        api.MapGet("/messages/threads", ListThreads.MineEndpointAsync).WithSummary("我的会话（有未读的在前）及未读条数");
        api.MapGet("/messages/threads/{id:guid}", ListThreads.OpenEndpointAsync).WithSummary("打开会话：全部消息，并标记为已读");
        api.MapPost("/messages/threads/{id:guid}", ReplyInThread.EndpointAsync).WithSummary("在会话中回复");
        api.MapGet("/preferences", SetPreferences.GetEndpointAsync).WithSummary("我的通知偏好");
        api.MapPut("/preferences", SetPreferences.EndpointAsync).WithSummary("设置通知偏好：接收哪些站内提醒（通知、消息、备课动态）及免打扰时段（北京时间 HH:mm）");
        api.MapGet("/notifications", ListNotifications.EndpointAsync).WithSummary("站内提醒（免打扰时段内的提醒在时段结束后出现）");
        api.MapPost("/notifications/seen", ListNotifications.SeenEndpointAsync).WithSummary("将站内提醒标记为已看");
    }

    private static void MapGroups(RouteGroupBuilder api)
    {
        api.MapGet("/groups", GetGroup.MineEndpointAsync).WithSummary("我参加的教研组和名师工作室");
        api.MapPost("/groups", CreateGroup.EndpointAsync).RequireRoles(Role.Teacher, Role.SchoolAdmin)
            .WithSummary("建立教研组（kind=SubjectGroup，本校）或名师工作室（kind=Studio，教师主持，可跨校）；创建人任组长");
        api.MapGet("/groups/{id:guid}", GetGroup.EndpointAsync).WithSummary("教研组主页：成员、研讨主题、共享教案、听评课记录（仅成员）");
        api.MapPost("/groups/{id:guid}/members", AddMember.EndpointAsync).WithSummary("组长按用户名加入教师（教研组限本校教师）");
        api.MapPost("/groups/{id:guid}/posts", PostInGroup.EndpointAsync).WithSummary("发起研讨主题（title + body）或回复（parentId + body）");
        api.MapGet("/groups/{id:guid}/posts/{postId:guid}", PostInGroup.ReadEndpointAsync).WithSummary("研讨主题及全部回复");
        api.MapPost("/groups/{id:guid}/observations", RecordObservation.EndpointAsync).WithSummary("听评课记录：为组内同事的一节课按五项指标打 1-5 分并写评语");
        api.MapGet("/plans", GetPlan.MineEndpointAsync).WithSummary("我的教案及共享给我所在教研组的教案");
        api.MapPost("/plans", CreatePlan.EndpointAsync).RequireRoles(Role.Teacher).WithSummary("写教案（第 1 版），可引用资源平台的资源（resourceIds），可直接共享到教研组");
        api.MapGet("/plans/{id:guid}", GetPlan.EndpointAsync).WithSummary("教案：当前版本、全部版本（含修改建议）和评论");
        api.MapPut("/plans/{id:guid}", SavePlan.EndpointAsync).WithSummary("保存教案为新版本（basedOn 须为当前版本号，否则 409）");
        api.MapPost("/plans/{id:guid}/share", CommentOnPlan.ShareEndpointAsync).WithSummary("将教案共享到我所在的教研组");
        api.MapPost("/plans/{id:guid}/comments", CommentOnPlan.EndpointAsync).WithSummary("评论教案（作者或教研组同事）");
        api.MapPost("/plans/{id:guid}/proposals", ProposeEdit.EndpointAsync).WithSummary("同事提出修改建议（成为待作者处理的新版本）");
        api.MapPost("/plans/{id:guid}/proposals/{number:int}/{decision}", ProposeEdit.DecideEndpointAsync).WithSummary("作者采纳（accept）或不采纳（reject）修改建议");
        api.MapGet("/plans/{id:guid}/diff", DiffVersions.EndpointAsync).WithSummary("比较两个版本（?from=1&to=2）：逐行列出删除和新增");
    }
}
