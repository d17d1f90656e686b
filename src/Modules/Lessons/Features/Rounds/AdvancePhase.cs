using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Rounds;

/// <summary>
/// 推进活动阶段: 晒课 → 县级评优 → 市级评优 → 省级评优 → 部级评优 → 结果公布, one step at a time, by whoever manages the
/// round (the scope guard checks). Publishing fixes every entry's award from the highest level that recommended it, in
/// the same transaction, so the public results never show a half-published round.
/// </summary>
internal static class AdvancePhase
{
    public sealed record Request(string Phase);

    public static async Task<RoundDto> HandleAsync(LessonsDbContext db, TimeProvider clock, Guid roundId, string phase, CancellationToken ct)
    {
        var round = await ListRounds.FindAsync(db, roundId, ct);
        if (!Enum.TryParse<RoundPhase>(phase, out var next) || !Enum.IsDefined(next))
        {
            throw ValidationFailedException.For("phase", "未知的活动阶段");
        }
        if (next != round.Phase + 1)
        {
            throw new ConflictException("phase", $"当前阶段为「{EntryWorkflow.PhaseName(round.Phase)}」，只能进入下一阶段");
        }
        round.Phase = next;
        if (next == RoundPhase.Published)
        {
            round.PublishedAt = clock.GetUtcNow().UtcDateTime;
            var entries = await db.Entries.Where(e => e.RoundId == roundId).ToListAsync(ct);
            foreach (var entry in entries)
            {
                entry.Award = EntryWorkflow.AwardFor(entry);
            }
        }
        await db.SaveChangesAsync(ct);
        return await ListRounds.GetAsync(db, roundId, ct);
    }

    public static async Task<Ok<RoundDto>> EndpointAsync(LessonsDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, request.Phase, ct));
}
