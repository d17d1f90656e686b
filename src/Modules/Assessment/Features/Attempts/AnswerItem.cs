using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// 作答一题: the answer is saved as it is given, so a reload or a lost connection keeps it; answering again
/// overwrites. Only the attempt's student, only while it is open and before it is due. Not marked here: the
/// student learns their marks on submission (the xAPI "answered" statements are written then, too).
/// </summary>
internal static class AnswerItem
{
    public sealed record Request(IReadOnlyList<string>? Response);

    public static async Task HandleAsync(AssessmentDbContext db, TimeProvider clock, Guid attemptId, Guid quizItemId, Request request, CancellationToken ct)
    {
        var (attempt, quiz) = await OpenAttemptAsync(db, clock, attemptId, ct);
        var item = quiz.Items.FirstOrDefault(i => i.Id == quizItemId) ?? throw new NotFoundException("该自测中没有这道题");
        await SaveAsync(db, clock, attempt, item, Check(item, request.Response ?? []), ct);
    }

    /// <summary>The caller's own open attempt; refused once submitted or past its due time.</summary>
    public static async Task<(Attempt Attempt, Quiz Quiz)> OpenAttemptAsync(AssessmentDbContext db, TimeProvider clock, Guid attemptId, CancellationToken ct)
    {
        var (attempt, quiz) = await GetAttempt.LoadAsync(db, attemptId, ct);
        if (attempt.StudentId != db.Actor.UserId)
        {
            throw new ForbiddenException("只有作答的学生本人可以作答");
        }
        if (attempt.Status != AttemptStatus.InProgress)
        {
            throw new ConflictException("attempt", "该作答已提交，不能再修改");
        }
        if (clock.GetUtcNow().UtcDateTime > attempt.DueAt)
        {
            throw new ConflictException("attempt", attempt.DueAt < quiz.ClosesAt ? "已超过作答限时，不能再作答或提交" : "自测已截止，不能再作答或提交");
        }
        return (attempt, quiz);
    }

    public static List<string> Check(QuizItem item, IReadOnlyList<string> response) => Check(item.Kind, item.Options, item.Blanks.Count, response, "response");

    /// <summary>The response in its kept shape (also for bank items answered in homework), or a problem on <paramref name="field"/>.</summary>
    public static List<string> Check(ItemKind kind, IReadOnlyList<ItemOption> options, int blanks, IReadOnlyList<string> response, string field)
    {
        var given = response.Select(r => (r ?? "").Trim()).ToList();
        var keys = options.Select(o => o.Key).ToHashSet();
        var p = new Problems();
        switch (kind)
        {
            case ItemKind.SingleChoice or ItemKind.TrueFalse:
                given = given.Where(g => g.Length > 0).ToList();
                p.Check(given.Count <= 1 && given.All(keys.Contains), field, "请选择一个选项");
                break;
            case ItemKind.MultipleChoice:
                given = given.Where(g => g.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
                p.Check(given.All(keys.Contains), field, "所选选项不在本题中");
                break;
            case ItemKind.FillBlank:
                p.Check(given.Count <= blanks, field, $"本题只有{blanks}个空").Check(given.All(g => g.Length <= 200), field, "每空不能超过200个字符");
                break;
            default:
                given = [string.Join("\n", given)];
                p.MaxLength(given[0], 4000, field, "答案");
                break;
        }
        p.ThrowIfAny();
        return given;
    }

    public static async Task SaveAsync(AssessmentDbContext db, TimeProvider clock, Attempt attempt, QuizItem item, List<string> response, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var answer = await db.Answers.FirstOrDefaultAsync(a => a.AttemptId == attempt.Id && a.QuizItemId == item.Id, ct);
        // On SQLite a class answering at once would all wait on the one file lock: the writes take turns instead.
        using var turn = await SqliteWriterTurns.TakeAsync(db, ct);
        if (answer is not null)
        {
            answer.Response = response;
            answer.AnsweredAt = now;
            await db.SaveChangesAsync(ct);
            return;
        }
        db.Answers.Add(new Answer
        {
            AttemptId = attempt.Id, QuizId = attempt.QuizId, QuizItemId = item.Id, StudentId = attempt.StudentId, Response = response, AnsweredAt = now,
            ProvinceCode = attempt.ProvinceCode, CityCode = attempt.CityCode, CountyCode = attempt.CountyCode, SchoolId = attempt.SchoolId, ClassId = attempt.ClassId,
        });
        try
        {
            // The new row takes its attempt's place (checked above to be the caller's own), not a place the caller chose.
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same item raced (two tabs): the other made the row; overwrite it.
            db.ChangeTracker.Clear();
            var other = await db.Answers.FirstAsync(a => a.AttemptId == attempt.Id && a.QuizItemId == item.Id, ct);
            other.Response = response;
            other.AnsweredAt = now;
            await db.SaveChangesAsync(ct);
        }
    }

    public static async Task<NoContent> EndpointAsync(AssessmentDbContext db, TimeProvider clock, Guid id, Guid quizItemId, Request request, CancellationToken ct)
    {
        await HandleAsync(db, clock, id, quizItemId, request, ct);
        return TypedResults.NoContent();
    }
}
