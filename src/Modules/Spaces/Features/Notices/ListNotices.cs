using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>
/// 我的通知: the notices addressed to the caller (unread first, then newest), and the ones they sent with their receipt
/// counts. A parent's inbox is their own receipts, not their children's.
/// </summary>
internal static class ListNotices
{
    public sealed record Received(Guid Id, string Title, string SenderName, DateTime SentAt, bool NeedsAcknowledgement, DateTime? ReadAt, DateTime? AcknowledgedAt, string? ChildNames);

    public sealed record Sent(Guid Id, string Title, string TargetNames, DateTime SentAt, bool NeedsAcknowledgement, int Recipients, int Read, int Acknowledged);

    public static async Task<List<Received>> InboxAsync(SpacesDbContext db, int take, CancellationToken ct)
    {
        var me = db.Actor.Me();
        return await (from r in db.Receipts.AsNoTracking()
                      where r.RecipientId == me
                      join n in db.Notices.AsNoTracking() on r.NoticeId equals n.Id
                      orderby r.ReadAt == null descending, r.SentAt descending
                      select new Received(n.Id, n.Title, n.SenderName, n.SentAt, n.NeedsAcknowledgement, r.ReadAt, r.AcknowledgedAt, r.ChildNames))
            .Take(take).ToListAsync(ct);
    }

    public static async Task<List<Sent>> SentAsync(SpacesDbContext db, int take, CancellationToken ct)
    {
        var me = db.Actor.Me();
        // The sender counts all receipts of their own notices, wherever the recipients sit.
        var receipts = db.Receipts.IgnoreQueryFilters();
        return await db.Notices.AsNoTracking().Where(n => n.SenderId == me).OrderByDescending(n => n.SentAt).Take(take)
            .Select(n => new Sent(n.Id, n.Title, n.TargetNames, n.SentAt, n.NeedsAcknowledgement, n.RecipientCount,
                receipts.Count(r => r.NoticeId == n.Id && r.ReadAt != null), receipts.Count(r => r.NoticeId == n.Id && r.AcknowledgedAt != null)))
            .ToListAsync(ct);
    }

    public static async Task<Ok<List<Received>>> InboxEndpointAsync(SpacesDbContext db, CancellationToken ct) => TypedResults.Ok(await InboxAsync(db, 200, ct));

    public static async Task<Ok<List<Sent>>> SentEndpointAsync(SpacesDbContext db, CancellationToken ct) => TypedResults.Ok(await SentAsync(db, 200, ct));
}
