using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// 批阅简答题: the quiz's owner gives a short answer its score (0 to the item's points) and a comment; marking again
/// corrects it. The attempt's total follows, and it is Marked once nothing waits. Writes "scored" for the item and,
/// when the last mark is in, for the quiz.
/// </summary>
internal static class MarkAnswer
{
    public sealed record Request(decimal? Score, string? Comment);

    public static async Task<AttemptView> HandleAsync(AssessmentDbContext db, ILearningRecords records, TimeProvider clock, Guid attemptId, Guid quizItemId, Request request,
        CancellationToken ct)
    {
        var (attempt, quiz) = await GetAttempt.LoadAsync(db, attemptId, ct);
        if (quiz.OwnerId != db.Actor.UserId)
        {
            throw new ForbiddenException("只有布置该自测的教师可以批阅");
        }
        var item = quiz.Items.FirstOrDefault(i => i.Id == quizItemId) ?? throw new NotFoundException("该自测中没有这道题");
        new Problems().Check(item.Kind == ItemKind.ShortAnswer, "quizItemId", "客观题已自动批阅，只有简答题需要人工批阅")
            .Check(request.Score is { } s && s >= 0 && s <= item.Points && decimal.Round(s, 1) == s, "score", $"得分须在0到{item.Points}之间（可到0.1分）")
            .MaxLength(request.Comment, 1000, "comment", "评语").ThrowIfAny();
        if (attempt.Status == AttemptStatus.InProgress)
        {
            throw new ConflictException("attempt", "学生尚未提交，不能批阅");
        }
        var answers = await db.Answers.Where(a => a.AttemptId == attempt.Id).ToListAsync(ct);
        var answer = answers.FirstOrDefault(a => a.QuizItemId == item.Id) ?? throw new ConflictException("quizItemId", "学生未作答此题，已记0分");
        var now = clock.GetUtcNow().UtcDateTime;
        var wasPending = attempt.PendingMarks > 0;
        answer.Score = request.Score;
        answer.Correct = request.Score == item.Points;
        answer.Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        answer.MarkedAt = now;
        SubmitAttempt.Total(attempt, answers);
        // A teacher manages no place; the right to mark is owning the quiz, checked above, on rows of their own class.
        await db.SaveChangesAsPlatformAsync(ct);
        await records.RecordAsync(LearningActs.ScoredItem(quiz, attempt, item, answer, now), ct);
        if (wasPending && attempt.PendingMarks == 0)
        {
            await records.RecordAsync(LearningActs.ScoredQuiz(quiz, attempt, now), ct);
        }
        return await GetAttempt.ViewAsync(db, quiz, attempt, true, ct);
    }

    public static async Task<Ok<AttemptView>> EndpointAsync(AssessmentDbContext db, ILearningRecords records, TimeProvider clock, Guid id, Guid quizItemId, Request request,
        CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, records, clock, id, quizItemId, request, ct));
}
