using System.Data;
using System.Data.Common;
using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Lessons.Features.Entries;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Review;

/// <summary>
/// 推荐 / 不推荐 / 撤销: the bureau of the entry's level decides it during that level's phase, as EntryWorkflow's table
/// allows. A recommendation must fit the quotas (QuotaRules). The entry is read through the scope filter (another
/// county's entry is not found) and saved through the scope guard. The quota count and the write share one serializable
/// transaction, so two bureau staff recommending at once cannot both take the last place (PostgreSQL fails one of them
/// with a serialization error, answered 409; SQLite's write lock makes the second wait and then count the first).
/// </summary>
internal static class DecideEntry
{
    public static async Task<EntryDto> HandleAsync(LessonsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid entryId, string trigger, CancellationToken ct)
    {
        if (!Enum.TryParse<EntryTrigger>(trigger, out var t) || !Enum.IsDefined(t))
        {
            throw ValidationFailedException.For("trigger", "未知的操作（Recommend 推荐、Decline 不推荐、Revoke 撤销）");
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        try
        {
            var decided = await DecideAsync(db, directory, clock, entryId, t, ct);
            await tx.CommitAsync(ct);
            return decided;
        }
        catch (ForbiddenException)
        {
            // The guard has rolled the change back and written the refusal to the audit trail: keep that line.
            await tx.CommitAsync(ct);
            throw;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || IsSerializationFailure(e))
        {
            throw new ConflictException("entryId", "该课例或本级名额刚被他人处理，请刷新后重试");
        }
    }

    /// <summary>PostgreSQL's serialization failure (40001) or deadlock (40P01), however EF wrapped it.</summary>
    private static bool IsSerializationFailure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is DbException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<EntryDto> DecideAsync(LessonsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid entryId, EntryTrigger t, CancellationToken ct)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException("未找到该课例");
        var round = await Rounds.ListRounds.FindAsync(db, entry.RoundId, ct);
        var step = EntryWorkflow.Table.FirstOrDefault(x => x.From == entry.Status && x.Trigger == t)
            ?? throw new ConflictException("trigger", $"课例当前为「{EntryWorkflow.StatusName(entry.Status)}」，不能{EntryWorkflow.TriggerName(t)}");
        if (!db.Actor.Roles.Contains(step.Role))
        {
            throw new ForbiddenException($"只有{EntryWorkflow.LevelName(step.Level)}教育行政部门可以{EntryWorkflow.TriggerName(t)}");
        }
        if (round.Phase != EntryWorkflow.PhaseOf(step.Level))
        {
            throw new ConflictException("phase", $"活动当前为「{EntryWorkflow.PhaseName(round.Phase)}」阶段，不能进行{EntryWorkflow.LevelName(step.Level)}评优");
        }
        if (t == EntryTrigger.Recommend)
        {
            await QuotaRules.CheckAsync(db, directory, round, entry, step.Level, ct);
            entry.RecommendedLevel = (int)step.Level;
        }
        else if (t == EntryTrigger.Revoke && entry.RecommendedLevel == (int)step.Level)
        {
            entry.RecommendedLevel = (int)step.Level - 1;
        }
        entry.Status = step.To;
        entry.DecidedAt = clock.GetUtcNow().UtcDateTime;
        entry.Revision++;
        await db.SaveChangesAsync(ct);
        return EntryDto.From(entry, published: false);
    }

    public static async Task<Ok<EntryDto>> EndpointAsync(LessonsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, string trigger, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, trigger, ct));
}
