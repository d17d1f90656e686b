using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Messages;

/// <summary>My conversations (unread first, then latest), and one conversation's messages: opening it marks it read for me.</summary>
internal static class ListThreads
{
    public sealed record ThreadDto(Guid Id, Guid TeacherId, string TeacherName, Guid ParentId, string ParentName, Guid ChildId, string ChildName, string LastText, DateTime LastAt, int Unread);

    public sealed record MessageDto(Guid Id, Guid SenderId, string SenderName, string Text, DateTime SentAt, bool Mine);

    public sealed record ThreadView(ThreadDto Thread, IReadOnlyList<MessageDto> Messages);

    public static async Task<List<ThreadDto>> MineAsync(SpacesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var threads = await db.Threads.AsNoTracking().Where(t => t.TeacherId == me || t.ParentId == me).OrderByDescending(t => t.LastAt).Take(200)
            .Select(t => new ThreadDto(t.Id, t.TeacherId, t.TeacherName, t.ParentId, t.ParentName, t.ChildId, t.ChildName, t.LastText, t.LastAt,
                t.TeacherId == me ? t.UnreadByTeacher : t.UnreadByParent))
            .ToListAsync(ct);
        return [.. threads.OrderByDescending(t => t.Unread > 0).ThenByDescending(t => t.LastAt)];
    }

    public static async Task<ThreadView> OpenAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == id && (t.TeacherId == me || t.ParentId == me), ct) ?? throw new NotFoundException("未找到该会话");
        var unread = thread.TeacherId == me ? thread.UnreadByTeacher : thread.UnreadByParent;
        if (unread > 0)
        {
            if (thread.TeacherId == me)
            {
                thread.UnreadByTeacher = 0;
            }
            else
            {
                thread.UnreadByParent = 0;
            }
            await db.SaveChangesAsync(ct);
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.ThreadId == id).OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new MessageDto(m.Id, m.SenderId, m.SenderName, m.Text, m.SentAt, m.SenderId == me)).ToListAsync(ct);
        var dto = new ThreadDto(thread.Id, thread.TeacherId, thread.TeacherName, thread.ParentId, thread.ParentName, thread.ChildId, thread.ChildName, thread.LastText, thread.LastAt, unread);
        return new ThreadView(dto, messages);
    }

    public static async Task<Ok<List<ThreadDto>>> MineEndpointAsync(SpacesDbContext db, CancellationToken ct) => TypedResults.Ok(await MineAsync(db, ct));

    public static async Task<Ok<ThreadView>> OpenEndpointAsync(SpacesDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await OpenAsync(db, id, ct));
}
