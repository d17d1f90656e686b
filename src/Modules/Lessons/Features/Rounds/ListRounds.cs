using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Rounds;

public sealed record CriterionDto(string Name, int MaxPoints);

public sealed record QuotaDto(string RegionCode, int MaxRecommendations);

public sealed record RoundDto(Guid Id, int Year, string Name, string ProvinceCode, string Phase, string PhaseName, int ProvinceQuota, bool OnePerChapter,
    IReadOnlyList<CriterionDto> Criteria, IReadOnlyList<QuotaDto> Quotas, bool CanManage, bool RubricEditable, DateTime? RubricChangedAt);

/// <summary>
/// 活动列表: every round with its rubric and quotas. Rounds, rubrics and quotas are public notices, so they are read past
/// the scope filter; CanManage says whether the caller may change the round, RubricEditable whether its rubric may still
/// change (no score yet).
/// </summary>
internal static class ListRounds
{
    public static async Task<IReadOnlyList<RoundDto>> HandleAsync(LessonsDbContext db, CancellationToken ct)
    {
        var rounds = await db.Rounds.IgnoreQueryFilters().AsNoTracking().OrderByDescending(r => r.Year).ThenBy(r => r.ProvinceCode).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var criteria = await db.Criteria.AsNoTracking().Where(c => ids.Contains(c.RoundId)).OrderBy(c => c.SortOrder).ToListAsync(ct);
        var quotas = await db.Quotas.IgnoreQueryFilters().AsNoTracking().Where(q => ids.Contains(q.RoundId)).OrderBy(q => q.RegionCode).ToListAsync(ct);
        var scored = await db.Scores.Where(s => ids.Contains(s.RoundId)).Select(s => s.RoundId).Distinct().ToListAsync(ct);
        return rounds.Select(r => new RoundDto(r.Id, r.Year, r.Name, r.ProvinceCode, r.Phase.ToString(), EntryWorkflow.PhaseName(r.Phase), r.ProvinceQuota, r.OnePerChapter,
                criteria.Where(c => c.RoundId == r.Id).Select(c => new CriterionDto(c.Name, c.MaxPoints)).ToList(),
                quotas.Where(q => q.RoundId == r.Id).Select(q => new QuotaDto(q.RegionCode, q.MaxRecommendations)).ToList(),
                db.Actor.Scope.CanManage(ScopeKey.Of(r)),
                db.Actor.Scope.CanManage(ScopeKey.Of(r)) && r.Phase != RoundPhase.Published && !scored.Contains(r.Id), r.RubricChangedAt))
            .ToList();
    }

    public static async Task<RoundDto> GetAsync(LessonsDbContext db, Guid id, CancellationToken ct) =>
        (await HandleAsync(db, ct)).FirstOrDefault(r => r.Id == id) ?? throw new NotFoundException("未找到该活动");

    public static async Task<ContestRound> FindAsync(LessonsDbContext db, Guid id, CancellationToken ct) =>
        await db.Rounds.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("未找到该活动");

    public static async Task<Ok<IReadOnlyList<RoundDto>>> EndpointAsync(LessonsDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct));

    public static async Task<Ok<RoundDto>> GetEndpointAsync(LessonsDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await GetAsync(db, id, ct));
}
