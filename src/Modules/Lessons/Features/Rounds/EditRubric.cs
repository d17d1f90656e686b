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
        if (await db.Scores.AnyAsync(s => s.RoundId == round.Id, ct))
        {
            throw new ConflictException("criteria", "该活动已开始评分，评分细则不能再修改");
        }
        db.Criteria.RemoveRange(await db.Criteria.Where(c => c.RoundId == round.Id).ToListAsync(ct));
        db.Criteria.AddRange(criteria.Select((c, i) => new RubricCriterion { RoundId = round.Id, Name = c.Name.Trim(), MaxPoints = c.MaxPoints, SortOrder = i + 1 }));
        round.RubricChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await ListRounds.GetAsync(db, round.Id, ct);
    }

    public static async Task<Ok<RoundDto>> EndpointAsync(LessonsDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, request, ct));
}
