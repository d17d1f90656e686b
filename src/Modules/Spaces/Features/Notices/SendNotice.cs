using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>
/// 发通知: a teacher to the parents and/or students of their own classes; a school administrator to classes or the whole
/// school; a bureau administrator to schools of its region. Targets and receipts are derived rows (not guarded one by
/// one), so the right to address each class or school is checked here: a teacher's own class, or a place the caller manages.
/// </summary>
internal static class SendNotice
{
    public sealed record Request(string? Title, string? Body, string? Audience, List<Guid>? ClassIds, List<Guid>? SchoolIds, bool NeedsAcknowledgement, List<Guid>? AttachmentIds);

    public sealed record Response(Guid Id, string Title, int RecipientCount, string TargetNames);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IOrganizationDirectory directory, IPeopleDirectory people, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var me = actor.Me();
        var classIds = (request.ClassIds ?? []).Distinct().ToList();
        var schoolIds = (request.SchoolIds ?? []).Distinct().ToList();
        var problems = new Problems()
            .Required(request.Title, "title", "标题").MaxLength(request.Title?.Trim(), 100, "title", "标题")
            .Required(request.Body, "body", "正文").MaxLength(request.Body?.Trim(), 5000, "body", "正文")
            .Check(classIds.Count + schoolIds.Count > 0, "classIds", "请选择接收通知的班级或学校")
            .Check(classIds.Count == 0 || schoolIds.Count == 0, "schoolIds", "一条通知只能发给班级或学校中的一种");
        var audience = Audience.Parents;
        problems.Check(request.Audience is null || Enum.TryParse(request.Audience, out audience) && Enum.IsDefined(audience), "audience", "接收对象无效");
        problems.ThrowIfAny();

        List<NoticeTarget> targets = [];
        List<string> names = [];
        List<ResolveRecipients.Recipient> recipients;
        SenderKind kind;
        if (classIds.Count > 0)
        {
            var classes = await directory.FindClassesAsync(classIds, ct);
            foreach (var id in classIds)
            {
                if (!classes.TryGetValue(id, out var c) || c.Retired)
                {
                    throw ValidationFailedException.For("classIds", "班级不存在");
                }
                if (!actor.Scope.Classes.Contains(id) && !actor.Scope.CanManage(c.Key))
                {
                    throw new ForbiddenException("只能向本人任教的班级发送通知");
                }
                targets.Add(TargetAt(c.Key));
                names.Add(c.GradeName + c.Name);
            }
            kind = actor.Is(Role.Teacher) && classIds.All(actor.Scope.Classes.Contains) ? SenderKind.Teacher : SenderKind.School;
            recipients = await ResolveRecipients.ForClassesAsync(people, classIds, audience, ct);
        }
        else
        {
            foreach (var id in schoolIds)
            {
                var s = await directory.FindSchoolAsync(id, ct);
                if (s is null || s.Retired)
                {
                    throw ValidationFailedException.For("schoolIds", "学校不存在");
                }
                if (!actor.Scope.CanManage(s.Key))
                {
                    throw new ForbiddenException("只能向本人管理范围内的学校发送通知");
                }
                targets.Add(TargetAt(s.Key with { ClassId = null }));
                names.Add(s.Name);
            }
            kind = actor.Scope.ManagedSchools.Count > 0 && schoolIds.All(actor.Scope.ManagedSchools.Contains) ? SenderKind.School : SenderKind.Bureau;
            recipients = await ResolveRecipients.ForSchoolsAsync(people, schoolIds, request.Audience is null ? Audience.Staff : audience, ct);
        }
        recipients.RemoveAll(r => r.AccountId == me);
        if (recipients.Count == 0)
        {
            throw ValidationFailedException.For("audience", "所选范围内没有可接收通知的人");
        }
        var attachments = await TakeAttachmentsAsync(db, me, request.AttachmentIds ?? [], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notice = new Notice
        {
            SenderId = me, SenderName = actor.DisplayName ?? "", SenderKind = kind, Title = request.Title!.Trim(), Body = request.Body!.Trim(),
            Audience = audience, NeedsAcknowledgement = request.NeedsAcknowledgement, TargetNames = Join(names, 1000), RecipientCount = recipients.Count, SentAt = now,
        };
        db.Notices.Add(notice);
        foreach (var t in targets)
        {
            t.NoticeId = notice.Id;
            t.SentAt = now;
        }
        db.Targets.AddRange(targets);
        db.Receipts.AddRange(recipients.Select(r => ReceiptFor(notice, r)));
        attachments.ForEach(a => a.NoticeId = notice.Id);
        await Notifier.NotifyAsync(db, [.. recipients.Select(r => r.AccountId)], NotificationKind.Notice, "新通知：" + notice.Title, $"/spaces/notices/{notice.Id}", now, ct);
        await db.SaveChangesAsync(ct);
        return new Response(notice.Id, notice.Title, notice.RecipientCount, notice.TargetNames);
    }

    private static async Task<List<Attachment>> TakeAttachmentsAsync(SpacesDbContext db, Guid me, List<Guid> ids, CancellationToken ct)
    {
        var found = await db.Attachments.Where(a => ids.Contains(a.Id) && a.OwnerId == me && a.NoticeId == null).ToListAsync(ct);
        if (found.Count != ids.Distinct().Count())
        {
            throw ValidationFailedException.For("attachmentIds", "附件不存在或已用于其他通知，请重新上传");
        }
        return found;
    }

    private static NoticeTarget TargetAt(ScopeKey key) => new()
    {
        ProvinceCode = key.ProvinceCode, CityCode = key.CityCode, CountyCode = key.CountyCode, SchoolId = key.SchoolId, ClassId = key.ClassId,
    };

    private static Receipt ReceiptFor(Notice notice, ResolveRecipients.Recipient r) => new()
    {
        NoticeId = notice.Id, RecipientId = r.AccountId, RecipientName = r.Name, RecipientRole = r.Role, SentAt = notice.SentAt,
        ChildNames = r.Children.Count == 0 ? null : Join(r.Children, 300),
        ProvinceCode = r.Place.ProvinceCode, CityCode = r.Place.CityCode, CountyCode = r.Place.CountyCode, SchoolId = r.Place.SchoolId, ClassId = r.Place.ClassId,
    };

    private static string Join(List<string> names, int max)
    {
        var text = string.Join("、", names);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    public static async Task<Created<Response>> EndpointAsync(SpacesDbContext db, IOrganizationDirectory directory, IPeopleDirectory people, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, directory, people, clock, request, ct);
        return TypedResults.Created($"/api/v1/spaces/notices/{response.Id}", response);
    }
}
