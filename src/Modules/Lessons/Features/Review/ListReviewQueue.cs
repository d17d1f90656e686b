using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Lessons.Features.Entries;
using EduCloud.Lessons.Features.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Review;

public sealed record QueueItemDto(EntryDto Entry, Guid RoundId, string RoundName, string Level, string LevelName, bool Pending, double? Average, int ScoreCount,
    IReadOnlyList<int>? MyPoints, bool CanScore, IReadOnlyList<string> AllowedTriggers, IReadOnlyList<CriterionDto> Criteria);

/// <summary>
/// 评审队列: the entries of the caller's region at the level whose phase is open, waiting or already decided at that
/// level (so a decision can be revoked while the phase lasts), best average score first.
/// </summary>
internal static class ListReviewQueue
{
    public static async Task<IReadOnlyList<QueueItemDto>> HandleAsync(LessonsDbContext db, CancellationToken ct)
    {
        var levels = ContestLevels.ScoringLevels(db.Actor);
        var rounds = await db.Rounds.IgnoreQueryFilters().AsNoTracking().Where(r => r.Phase > RoundPhase.Submission && r.Phase < RoundPhase.Published).ToListAsync(ct);
        rounds = rounds.Where(r => levels.Contains((ContestLevel)((int)r.Phase - 1))).ToList();
        var items = new List<QueueItemDto>();
        var me = db.Actor.UserId;
        foreach (var round in rounds)
        {
            var level = (ContestLevel)((int)round.Phase - 1);
            var statuses = EntryWorkflow.Table.Where(x => x.Level == level).Select(x => x.From).Distinct().ToList();
            var entries = await db.Entries.AsNoTracking().Where(e => e.RoundId == round.Id && statuses.Contains(e.Status)).Take(500).ToListAsync(ct);
            var ids = entries.Select(e => e.Id).ToList();
            var scores = await db.Scores.AsNoTracking().Where(s => ids.Contains(s.EntryId) && s.Level == level).ToListAsync(ct);
            var criteria = await db.Criteria.AsNoTracking().Where(c => c.RoundId == round.Id).OrderBy(c => c.SortOrder)
                .Select(c => new CriterionDto(c.Name, c.MaxPoints)).ToListAsync(ct);
            foreach (var e in entries)
            {
                var mine = scores.Where(s => s.EntryId == e.Id).ToList();
                var pending = EntryWorkflow.WaitingAt(e.Status) == level;
                var allowed = EntryWorkflow.Table.Where(x => x.From == e.Status && x.Level == level && db.Actor.Roles.Contains(x.Role)).Select(x => x.Trigger.ToString()).ToList();
                items.Add(new QueueItemDto(EntryDto.From(e, published: false), round.Id, round.Name, level.ToString(), EntryWorkflow.LevelName(level), pending,
                    mine.Count > 0 ? Math.Round(mine.Average(s => s.Total), 2) : null, mine.Count, mine.FirstOrDefault(s => s.ReviewerId == me)?.Points,
                    pending && e.TeacherId != me, allowed, criteria));
            }
        }
        return items.OrderByDescending(i => i.Pending).ThenByDescending(i => i.Average ?? -1).ThenBy(i => i.Entry.SubmittedAt).ToList();
    }

    public static async Task<Ok<IReadOnlyList<QueueItemDto>>> EndpointAsync(LessonsDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct));
}
