using EduCloud.Lessons.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Lessons.Features.Entries;

/// <summary>
/// 撤回晒课: the teacher takes their entry back under the same rule as an edit (no score, no decision yet). The row
/// is deleted (the audit trail keeps it), which frees the one-entry-per-round place: they may enter another lesson
/// while the round still takes submissions.
/// </summary>
internal static class WithdrawEntry
{
    public static async Task HandleAsync(LessonsDbContext db, Guid entryId, CancellationToken ct)
    {
        var entry = await EditEntry.FindChangeableAsync(db, entryId, "撤回", ct);
        db.Entries.Remove(entry);
        await EditEntry.SaveAsync(db, entryId, "撤回", ct);
    }

    public static async Task<NoContent> EndpointAsync(LessonsDbContext db, Guid id, CancellationToken ct)
    {
        await HandleAsync(db, id, ct);
        return TypedResults.NoContent();
    }
}
