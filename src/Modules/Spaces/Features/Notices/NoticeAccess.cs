using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Notices;

/// <summary>
/// Who may read a notice: its sender, a person with a receipt for it (the scope filter shows a parent their own and
/// their children's receipts, nobody else's), or someone who sees one of its targets by place (the class's teachers,
/// the school's and region's administrators). Anyone else gets 404, as if it did not exist.
/// </summary>
internal static class NoticeAccess
{
    public static async Task<Notice> FindAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id
            && (n.SenderId == me || db.Receipts.Any(r => r.NoticeId == id) || db.Targets.Any(t => t.NoticeId == id)), ct);
        return notice ?? throw new NotFoundException("未找到该通知");
    }

    /// <summary>The caller's own receipt (a parent also sees their children's receipts, so filter by recipient).</summary>
    public static Task<Receipt?> MyReceiptAsync(SpacesDbContext db, Guid noticeId, CancellationToken ct)
    {
        var me = db.Actor.Me();
        return db.Receipts.FirstOrDefaultAsync(r => r.NoticeId == noticeId && r.RecipientId == me, ct);
    }
}
