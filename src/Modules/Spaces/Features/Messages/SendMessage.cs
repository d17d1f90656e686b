using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Messages;

/// <summary>
/// 家校沟通: a parent writes to a teacher of their child, or a teacher to a parent of a student in their class, about
/// that child. The conversation (one per teacher, parent and child) is opened on the first message. Anyone unrelated
/// through the child is refused with 403.
/// </summary>
internal static class SendMessage
{
    public sealed record Request(Guid? ChildId, Guid? TeacherId, Guid? ParentId, string? Text);

    public sealed record Response(Guid ThreadId, Guid MessageId);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IClassRoster roster, IPeopleDirectory people, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var me = actor.Me();
        CheckText(request.Text);
        var childId = request.ChildId ?? throw ValidationFailedException.For("childId", "请选择孩子");
        Guid teacherId, parentId;
        if (actor.Is(Role.Parent) && actor.Children().Contains(childId))
        {
            teacherId = request.TeacherId ?? throw ValidationFailedException.For("teacherId", "请选择老师");
            parentId = me;
            if (!(await People.TeachersOfAsync(childId, roster, people, ct)).Any(t => t.AccountId == teacherId))
            {
                throw new ForbiddenException("您只能与孩子的任课老师沟通");
            }
        }
        else if (actor.Is(Role.Teacher))
        {
            parentId = request.ParentId ?? throw ValidationFailedException.For("parentId", "请选择家长");
            teacherId = me;
            var taught = (await roster.StudentClassesAsync(childId, ct)).Any(actor.Scope.Classes.Contains);
            if (!taught || !(await people.ParentsOfAsync([childId], ct)).Any(g => g.ParentId == parentId))
            {
                throw new ForbiddenException("您只能与所教学生的家长沟通");
            }
        }
        else
        {
            throw new ForbiddenException("只有家长和任课老师之间可以互发消息");
        }
        var thread = await db.Threads.FirstOrDefaultAsync(t => t.TeacherId == teacherId && t.ParentId == parentId && t.ChildId == childId, ct);
        if (thread is null)
        {
            var names = await people.NamesAsync([teacherId, parentId, childId], ct);
            thread = new MessageThread
            {
                TeacherId = teacherId, ParentId = parentId, ChildId = childId,
                TeacherName = names.GetValueOrDefault(teacherId, ""), ParentName = names.GetValueOrDefault(parentId, ""), ChildName = names.GetValueOrDefault(childId, ""),
            };
            db.Threads.Add(thread);
        }
        var message = await AddAsync(db, thread, me, actor.DisplayName ?? "", request.Text!, clock.GetUtcNow().UtcDateTime, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The other side opened the same conversation at the same moment: add to theirs.
            db.ChangeTracker.Clear();
            var existing = await db.Threads.FirstAsync(t => t.TeacherId == teacherId && t.ParentId == parentId && t.ChildId == childId, ct);
            message = await AddAsync(db, existing, me, actor.DisplayName ?? "", request.Text!, clock.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
        }
        return new Response(message.ThreadId, message.Id);
    }

    public static void CheckText(string? text) =>
        new Problems().Required(text, "text", "消息内容").MaxLength(text?.Trim(), 2000, "text", "消息内容").ThrowIfAny();

    /// <summary>Adds a message to a conversation, counts it unread for the other side and notifies them.</summary>
    public static async Task<Message> AddAsync(SpacesDbContext db, MessageThread thread, Guid sender, string senderName, string text, DateTime now, CancellationToken ct)
    {
        var message = new Message { ThreadId = thread.Id, SenderId = sender, SenderName = senderName, Text = text.Trim(), SentAt = now };
        db.Messages.Add(message);
        thread.LastAt = now;
        thread.LastText = message.Text.Length > 100 ? message.Text[..99] + "…" : message.Text;
        var other = sender == thread.TeacherId ? thread.ParentId : thread.TeacherId;
        if (other == thread.ParentId)
        {
            thread.UnreadByParent++;
        }
        else
        {
            thread.UnreadByTeacher++;
        }
        await Notifier.NotifyAsync(db, [other], NotificationKind.Message, $"{senderName}发来新消息", $"/spaces/messages/{thread.Id}", now, ct);
        return message;
    }

    public static async Task<Created<Response>> EndpointAsync(SpacesDbContext db, IClassRoster roster, IPeopleDirectory people, TimeProvider clock, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, roster, people, clock, request, ct);
        return TypedResults.Created($"/api/v1/spaces/messages/threads/{response.ThreadId}", response);
    }
}
