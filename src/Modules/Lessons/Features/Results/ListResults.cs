using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Results;

public sealed record ResultDto(Guid EntryId, string Title, string TeacherName, string SchoolName, string StageCode, string SubjectCode, string? GradeCode, string Edition,
    string CataloguePath, string Award, string AwardName, string ProvinceCode, string CityCode, string CountyCode);

public sealed record ResultsDto(Guid RoundId, int Year, string RoundName, DateTime? PublishedAt, IReadOnlyList<ResultDto> Awards);

/// <summary>
/// 优课结果公示: the awards of a published round, best first, optionally of one province, city or county. Published
/// results are public (no sign-in), so they are read past the scope filter; an unpublished round has no results yet.
/// </summary>
internal static class ListResults
{
    public static async Task<ResultsDto> HandleAsync(LessonsDbContext db, Guid roundId, string? region, CancellationToken ct)
    {
        var round = await Rounds.ListRounds.FindAsync(db, roundId, ct);
        if (round.Phase != RoundPhase.Published)
        {
            throw new NotFoundException("该活动的结果尚未公布");
        }
        var query = db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.RoundId == roundId && e.Award != Award.None);
        if (!string.IsNullOrEmpty(region))
        {
            query = query.Where(e => e.ProvinceCode == region || e.CityCode == region || e.CountyCode == region);
        }
        var rows = await query.OrderByDescending(e => e.Award).ThenBy(e => e.ProvinceCode).ThenBy(e => e.CityCode).ThenBy(e => e.CountyCode).ThenBy(e => e.Title)
            .Take(5000).ToListAsync(ct);
        return new ResultsDto(round.Id, round.Year, round.Name, round.PublishedAt, rows.Select(e => new ResultDto(e.Id, e.Title, e.TeacherName, e.SchoolName, e.StageCode,
            e.SubjectCode, e.GradeCode, e.Edition, e.CataloguePath, e.Award.ToString(), EntryWorkflow.AwardName(e.Award), e.ProvinceCode, e.CityCode, e.CountyCode)).ToList());
    }

    public static async Task<Ok<ResultsDto>> EndpointAsync(LessonsDbContext db, Guid roundId, string? region, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, roundId, region, ct));
}
