using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>回执情况: for the sender, the counts and who has not read (or not acknowledged) yet.</summary>
internal static class ListReceipts
{
    public sealed record Person(Guid AccountId, string Name, string Role, string? ChildNames, DateTime? ReadAt, DateTime? AcknowledgedAt);

    public sealed record Response(ReadNotice.ReceiptCounts Counts, IReadOnlyList<Person> NotRead, IReadOnlyList<Person> NotAcknowledged);

    public static async Task<Response> HandleAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var notice = await NoticeAccess.FindAsync(db, id, ct);
        if (notice.SenderId != db.Actor.UserId)
        {
            throw new ForbiddenException("只有发送人可以查看回执情况");
        }
        // The sender sees every receipt of their own notice, also of recipients placed outside their classes (parents).
        var receipts = await db.Receipts.IgnoreQueryFilters().AsNoTracking().Where(r => r.NoticeId == id).OrderBy(r => r.RecipientName)
            .Select(r => new Person(r.RecipientId, r.RecipientName, r.RecipientRole.ToString(), r.ChildNames, r.ReadAt, r.AcknowledgedAt)).ToListAsync(ct);
        var counts = new ReadNotice.ReceiptCounts(receipts.Count, receipts.Count(r => r.ReadAt is not null), receipts.Count(r => r.AcknowledgedAt is not null));
        return new Response(counts, [.. receipts.Where(r => r.ReadAt is null)],
            notice.NeedsAcknowledgement ? [.. receipts.Where(r => r.AcknowledgedAt is null)] : []);
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, id, ct));
}
