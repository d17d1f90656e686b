using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Rounds;

/// <summary>
/// 修改评分细则: the organiser of a round (the bureau whose node the round sits at) replaces its rubric until the
/// first score is given; scores are stored per criterion in rubric order, so after that the rubric is fixed (409).
/// The round row is touched (RubricChangedAt), so the scope guard refuses, and audits, any other bureau.
/// </summary>
internal static class EditRubric
{
    public sealed record Request(IReadOnlyList<CreateRound.CriterionInput>? Criteria);

    public static async Task<RoundDto> HandleAsync(LessonsDbContext db, TimeProvider clock, Guid roundId, Request request, CancellationToken ct)
    {
        var round = await ListRounds.FindAsync(db, roundId, ct);
        var criteria = request.Criteria ?? [];
        CreateRound.CheckCriteria(new Problems(), criteria).ThrowIfAny();
        if (round.Phase == RoundPhase.Published)
        {
            throw new ConflictException("criteria", "该活动结果已公布，评分细则不能再修改");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Take the round row first, on the condition that nobody changed the rubric since it was read: the first score
        // of a round takes the same row (ScoreEntry), so the look for scores below cannot miss a score in flight.
        var seen = round.RubricChangedAt;
        var held = await db.Rounds.IgnoreQueryFilters().Where(r => r.Id == round.Id && r.RubricChangedAt == seen)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RubricChangedAt, r => r.RubricChangedAt), ct);
        if (held == 0)
        {
            throw new ConflictException("criteria", "评分细则刚被他人修改，请刷新后重试");
        }
        if (await db.Scores.AnyAsync(s => s.RoundId == round.Id, ct))
        {
            throw new ConflictException("criteria", "该活动已开始评分，评分细则不能再修改");
        }
        db.Criteria.RemoveRange(await db.Criteria.Where(c => c.RoundId == round.Id).ToListAsync(ct));
        db.Criteria.AddRange(criteria.Select((c, i) => new RubricCriterion { RoundId = round.Id, Name = c.Name.Trim(), MaxPoints = c.MaxPoints, SortOrder = i + 1 }));
        round.RubricChangedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ForbiddenException)
        {
            // The guard has rolled the change back and written the refusal to the audit trail: keep that line.
            await tx.CommitAsync(ct);
            throw;
        }
        await tx.CommitAsync(ct);
        return await ListRounds.GetAsync(db, round.Id, ct);
    }

    public static async Task<Ok<RoundDto>> EndpointAsync(LessonsDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, request, ct));
}
