using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>回执: the recipient acknowledges with one click. Repeating it keeps the first time (a double click is harmless).</summary>
internal static class AcknowledgeNotice
{
    public sealed record Response(Guid NoticeId, DateTime AcknowledgedAt);

    public static async Task<Response> HandleAsync(SpacesDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var notice = await NoticeAccess.FindAsync(db, id, ct);
        var receipt = await NoticeAccess.MyReceiptAsync(db, id, ct) ?? throw new ForbiddenException("该通知不是发给您的，无需回执");
        if (!notice.NeedsAcknowledgement)
        {
            throw new ConflictException("noticeId", "该通知无需回执");
        }
        if (receipt.AcknowledgedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            receipt.ReadAt ??= now;
            receipt.AcknowledgedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return new Response(id, receipt.AcknowledgedAt.Value);
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, ct));
}
