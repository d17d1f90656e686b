using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>Opens a notice: its text, attachments, the caller's receipt (opening marks it read) and, for the sender, the counts.</summary>
internal static class ReadNotice
{
    public sealed record AttachmentDto(Guid Id, string FileName, long Bytes, string Format);

    public sealed record MyReceipt(DateTime? ReadAt, DateTime? AcknowledgedAt);

    public sealed record Response(Guid Id, string Title, string Body, string SenderName, string SenderKind, string Audience, bool NeedsAcknowledgement,
        string TargetNames, DateTime SentAt, bool IsSender, IReadOnlyList<AttachmentDto> Attachments, MyReceipt? Receipt, ReceiptCounts? Counts);

    public sealed record ReceiptCounts(int Recipients, int Read, int Acknowledged);

    public static async Task<Response> HandleAsync(SpacesDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var notice = await NoticeAccess.FindAsync(db, id, ct);
        var receipt = await NoticeAccess.MyReceiptAsync(db, id, ct);
        if (receipt is { ReadAt: null })
        {
            receipt.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.NoticeId == id).OrderBy(a => a.FileName)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.Bytes, a.Format)).ToListAsync(ct);
        var isSender = notice.SenderId == db.Actor.UserId;
        return new Response(notice.Id, notice.Title, notice.Body, notice.SenderName, notice.SenderKind.ToString(), notice.Audience.ToString(),
            notice.NeedsAcknowledgement, notice.TargetNames, notice.SentAt, isSender, attachments,
            receipt is null ? null : new MyReceipt(receipt.ReadAt, receipt.AcknowledgedAt),
            isSender ? await CountAsync(db, id, ct) : null);
    }

    /// <summary>The sender's counts over all receipts of their notice, wherever the recipients sit.</summary>
    internal static async Task<ReceiptCounts> CountAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var receipts = db.Receipts.IgnoreQueryFilters().Where(r => r.NoticeId == id);
        return new ReceiptCounts(await receipts.CountAsync(ct), await receipts.CountAsync(r => r.ReadAt != null, ct),
            await receipts.CountAsync(r => r.AcknowledgedAt != null, ct));
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, ct));
}
