using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Messages;

/// <summary>回复: a participant writes in an existing conversation; anyone else gets 404.</summary>
internal static class ReplyInThread
{
    public sealed record Request(string? Text);

    public static async Task<SendMessage.Response> HandleAsync(SpacesDbContext db, TimeProvider clock, Guid threadId, Request request, CancellationToken ct)
    {
        var me = db.Actor.Me();
        SendMessage.CheckText(request.Text);
        var thread = await db.Threads.FirstOrDefaultAsync(t => t.Id == threadId && (t.TeacherId == me || t.ParentId == me), ct)
            ?? throw new NotFoundException("未找到该会话");
        var message = await SendMessage.AddAsync(db, thread, me, db.Actor.DisplayName ?? "", request.Text!, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return new SendMessage.Response(thread.Id, message.Id);
    }

    public static async Task<Created<SendMessage.Response>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/spaces/messages/threads/{id}", response);
    }
}
