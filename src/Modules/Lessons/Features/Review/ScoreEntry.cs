using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Review;

public sealed record ScoreSummaryDto(Guid EntryId, string Level, int MyTotal, double Average, int Count);

/// <summary>
/// 评分: a reviewer of the entry's current level scores it against the round's rubric, one value per criterion; scoring
/// again replaces the reviewer's earlier scores. A score and a racing edit of the entry or of the rubric cannot both
/// succeed (ClaimAsync). The entry is read through the scope filter, so an entry outside the
/// reviewer's region is simply not found.
/// </summary>
internal static class ScoreEntry
{
    public sealed record Request(Dictionary<string, int>? Points, string? Comment);

    public static async Task<ScoreSummaryDto> HandleAsync(LessonsDbContext db, TimeProvider clock, Guid entryId, Request request, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException("未找到该课例");
        var round = await Rounds.ListRounds.FindAsync(db, entry.RoundId, ct);
        var level = EntryWorkflow.WaitingAt(entry.Status);
        if (level is null || EntryWorkflow.PhaseOf(level.Value) != round.Phase)
        {
            throw new ConflictException("entryId", $"该课例当前不在评审中（活动阶段：{EntryWorkflow.PhaseName(round.Phase)}）");
        }
        if (!ContestLevels.ScoringLevels(db.Actor).Contains(level.Value))
        {
            throw new ForbiddenException($"您不是{EntryWorkflow.LevelName(level.Value)}评审");
        }
        if (entry.TeacherId == me)
        {
            throw new ForbiddenException("不能给自己的课评分");
        }
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.RoundId == round.Id).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var given = request.Points ?? [];
        var problems = new Problems();
        foreach (var name in given.Keys.Where(k => criteria.All(c => c.Name != k)))
        {
            problems.Add("points", $"评分细则中没有「{name}」");
        }
        foreach (var c in criteria)
        {
            if (!given.TryGetValue(c.Name, out var value))
            {
                problems.Add($"points.{c.Name}", $"缺少「{c.Name}」的得分");
            }
            else
            {
                problems.Check(value >= 0 && value <= c.MaxPoints, $"points.{c.Name}", $"「{c.Name}」的得分须在0到{c.MaxPoints}之间");
            }
        }
        problems.MaxLength(request.Comment, 500, "comment", "评语").ThrowIfAny();

        var firstOfRound = !await db.Scores.AnyAsync(s => s.RoundId == round.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ClaimAsync(db, entry, round, firstOfRound, ct);
        var score = await db.Scores.FirstOrDefaultAsync(s => s.EntryId == entryId && s.Level == level && s.ReviewerId == me, ct);
        if (score is null)
        {
            score = new Score { EntryId = entryId, RoundId = round.Id, Level = level.Value, ReviewerId = me };
            db.Scores.Add(score);
        }
        score.ReviewerName = db.Actor.DisplayName ?? "";
        score.Points = criteria.Select(c => given[c.Name]).ToList();
        score.Total = score.Points.Sum();
        score.Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        score.At = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var totals = await db.Scores.AsNoTracking().Where(s => s.EntryId == entryId && s.Level == level).Select(s => s.Total).ToListAsync(ct);
        return new ScoreSummaryDto(entryId, level.Value.ToString(), score.Total, Math.Round(totals.Average(), 2), totals.Count);
    }

    /// <summary>
    /// Conditional writes that make a score and a racing change exclude each other, in the score's transaction. The
    /// entry's Revision moves on only if it is still the one read (EditEntry/WithdrawEntry write on the same condition),
    /// so of an edit and a score that both saw an unscored entry exactly one commits. The first score of a round also
    /// takes the round row on the condition that the rubric is still the one read; EditRubric takes the same row before
    /// it looks for scores, so the rubric cannot change under a score given by the old criteria. Later scores skip
    /// that: once a score is committed, no rubric edit can pass its check. These are row locks and versions, not
    /// changes of content, so they are not audited (the score itself is).
    /// </summary>
    private static async Task ClaimAsync(LessonsDbContext db, Entry entry, ContestRound round, bool firstOfRound, CancellationToken ct)
    {
        var revision = entry.Revision;
        var claimed = await db.Entries.Where(e => e.Id == entry.Id && e.Revision == revision)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Revision, revision + 1), ct);
        if (claimed == 0)
        {
            throw new ConflictException("entryId", "该课例刚被作者修改或撤回，请刷新后重新评分");
        }
        if (firstOfRound)
        {
            var rubricAt = round.RubricChangedAt;
            var held = await db.Rounds.IgnoreQueryFilters().Where(r => r.Id == round.Id && r.RubricChangedAt == rubricAt)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.RubricChangedAt, r => r.RubricChangedAt), ct);
            if (held == 0)
            {
                throw new ConflictException("points", "评分细则刚被修改，请刷新后按新的细则评分");
            }
        }
    }

    public static async Task<Ok<ScoreSummaryDto>> EndpointAsync(LessonsDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, request, ct));
}
