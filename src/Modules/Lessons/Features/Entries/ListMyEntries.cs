using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Entries;

public sealed record EntryDto(Guid Id, Guid RoundId, string Title, Guid TeacherId, string TeacherName, string SchoolName, string StageCode, string SubjectCode, string? GradeCode,
    string Edition, string CataloguePath, Guid DesignResourceId, Guid? CoursewareResourceId, Guid? RecordingResourceId, Guid? ExerciseResourceId,
    string Status, string StatusName, string Award, string AwardName, string ProvinceCode, string CityCode, string CountyCode, DateTime SubmittedAt,
    string? Description, bool Editable)
{
    /// <param name="editable">The teacher may still edit or withdraw it (see EditEntry.FindChangeableAsync).</param>
    internal static EntryDto From(Entry e, bool published, bool editable = false) => new(e.Id, e.RoundId, e.Title, e.TeacherId, e.TeacherName, e.SchoolName, e.StageCode, e.SubjectCode, e.GradeCode,
        e.Edition, e.CataloguePath, e.DesignResourceId, e.CoursewareResourceId, e.RecordingResourceId, e.ExerciseResourceId, e.Status.ToString(), EntryWorkflow.StatusName(e.Status),
        // The award is only news once the round's results are published.
        (published ? e.Award : Domain.Award.None).ToString(), published ? EntryWorkflow.AwardName(e.Award) : "", e.ProvinceCode, e.CityCode, e.CountyCode, e.SubmittedAt,
        e.Description, editable);
}

/// <summary>我的晒课: the caller's own entries in every round, with where each stands and whether they may still change it.</summary>
internal static class ListMyEntries
{
    public static async Task<IReadOnlyList<EntryDto>> HandleAsync(LessonsDbContext db, CancellationToken ct)
    {
        var me = db.Actor.UserId;
        var entries = await db.Entries.AsNoTracking().Where(e => e.TeacherId == me).OrderByDescending(e => e.SubmittedAt).ToListAsync(ct);
        var roundIds = entries.Select(e => e.RoundId).Distinct().ToList();
        var phases = await db.Rounds.IgnoreQueryFilters().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Phase, ct);
        var entryIds = entries.Select(e => e.Id).ToList();
        var scored = await db.Scores.Where(s => entryIds.Contains(s.EntryId)).Select(s => s.EntryId).Distinct().ToListAsync(ct);
        return entries.Select(e => EntryDto.From(e, phases[e.RoundId] == RoundPhase.Published,
            editable: e.Status == EntryStatus.Submitted && phases[e.RoundId] <= RoundPhase.CountyReview && !scored.Contains(e.Id))).ToList();
    }

    public static async Task<Ok<IReadOnlyList<EntryDto>>> EndpointAsync(LessonsDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct));
}
