using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Resources.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Entries;

/// <summary>
/// 修改晒课: the teacher changes the title, the description or the materials of their entry while no reviewer has
/// scored it and no level has decided it; a change of teaching design moves the lesson in the catalogue with it.
/// Afterwards the entry is what reviewers judged, so it stays as it is (409 with the reason).
/// </summary>
internal static class EditEntry
{
    public sealed record Request(string? Title, string? Description, Guid DesignResourceId, Guid? CoursewareResourceId, Guid? RecordingResourceId, Guid? ExerciseResourceId);

    public static async Task<EntryDto> HandleAsync(LessonsDbContext db, IResourceLookup resources, Guid entryId, Request request, CancellationToken ct)
    {
        var entry = await FindChangeableAsync(db, entryId, "修改", ct);
        new Problems().Required(request.Title, "title", "课题").MaxLength(request.Title, 200, "title", "课题")
            .MaxLength(request.Description, 2000, "description", "课例简介").ThrowIfAny();
        var design = await SubmitEntry.CheckMaterialsAsync(resources, entry.TeacherId, request.DesignResourceId, request.CoursewareResourceId,
            request.RecordingResourceId, request.ExerciseResourceId, ct);
        entry.Title = request.Title!.Trim();
        entry.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        SubmitEntry.PlaceMaterials(entry, design, request.CoursewareResourceId, request.RecordingResourceId, request.ExerciseResourceId);
        entry.Revision++;
        await SaveAsync(db, entry.Id, "修改", ct);
        return (await ListMyEntries.HandleAsync(db, ct)).First(e => e.Id == entry.Id);
    }

    /// <summary>
    /// The caller's own entry, tracked, while it may still change: no score at any level, no decision, and the round
    /// not past county review. <paramref name="verb"/> (修改/撤回) completes the Chinese refusal.
    /// </summary>
    internal static async Task<Entry> FindChangeableAsync(LessonsDbContext db, Guid entryId, string verb, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException("未找到该课例");
        if (entry.TeacherId != me)
        {
            throw new ForbiddenException($"只能{verb}本人的晒课");
        }
        if (await db.Scores.AnyAsync(s => s.EntryId == entryId, ct))
        {
            throw new ConflictException("entryId", $"该课例已有评审打分，不能再{verb}");
        }
        if (entry.Status != EntryStatus.Submitted)
        {
            throw new ConflictException("entryId", $"该课例已有评优决定，不能再{verb}");
        }
        var round = await Rounds.ListRounds.FindAsync(db, entry.RoundId, ct);
        if (round.Phase > RoundPhase.CountyReview)
        {
            throw new ConflictException("entryId", $"该活动已过县级评优阶段，不能再{verb}");
        }
        return entry;
    }

    /// <summary>
    /// A teacher manages no place, so the scope guard would refuse any change they make; the entry was found through
    /// the scope filter as the caller's own (checked above), and the change stays audited under the caller's name.
    /// The write is conditional on the Revision read above: a reviewer's score bumps it in the score's own transaction
    /// (ScoreEntry), so an edit or withdrawal racing the first score fails here instead of changing a judged entry.
    /// </summary>
    internal static async Task SaveAsync(LessonsDbContext db, Guid entryId, string verb, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var scored = await db.Scores.AnyAsync(s => s.EntryId == entryId, ct);
            throw new ConflictException("entryId", scored ? $"该课例刚被评审打分，不能再{verb}" : "该课例刚被修改，请刷新后重试");
        }
    }

    public static async Task<Ok<EntryDto>> EndpointAsync(LessonsDbContext db, IResourceLookup resources, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, resources, id, request, ct));
}
