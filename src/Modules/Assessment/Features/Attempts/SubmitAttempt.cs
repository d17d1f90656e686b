using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// 交卷: objective items are marked at once (AutoMarker), short answers wait for the teacher. Refused after the
/// quiz closes or the time limit ends. Submitting an already submitted attempt returns it unchanged (a double click
/// is harmless). Writes "answered" per item (response, success) and "completed" (score) with registration = attempt.
/// </summary>
internal static class SubmitAttempt
{
    public static async Task<AttemptView> HandleAsync(AssessmentDbContext db, ILearningRecords records, TimeProvider clock, Guid attemptId, CancellationToken ct)
    {
        var (attempt, quiz) = await GetAttempt.LoadAsync(db, attemptId, ct);
        if (attempt.StudentId != db.Actor.UserId)
        {
            throw new ForbiddenException("只有作答的学生本人可以提交");
        }
        if (attempt.Status == AttemptStatus.InProgress)
        {
            (attempt, quiz) = await AnswerItem.OpenAttemptAsync(db, clock, attemptId, ct);
            await FinishAsync(db, records, quiz, attempt, clock.GetUtcNow().UtcDateTime, ct);
        }
        return await GetAttempt.ViewAsync(db, quiz, attempt, false, ct);
    }

    /// <summary>Marks what can be marked, totals, closes the attempt and records the statements.</summary>
    public static async Task FinishAsync(AssessmentDbContext db, ILearningRecords records, Quiz quiz, Attempt attempt, DateTime at, CancellationToken ct)
    {
        var answers = await db.Answers.Where(a => a.AttemptId == attempt.Id).ToListAsync(ct);
        var items = quiz.Items.ToDictionary(i => i.Id);
        foreach (var answer in answers)
        {
            var item = items[answer.QuizItemId];
            var mark = AutoMarker.Score(item.Kind, item.Points, item.Options, item.Blanks, answer.Response);
            var blank = answer.Response.All(string.IsNullOrWhiteSpace);
            (answer.Score, answer.Correct) = item.Kind.IsObjective() ? (mark.Score, mark.Correct) : blank ? (0m, false) : (null, null);
            answer.MarkedAt = answer.Score is null ? null : at;
        }
        attempt.Status = AttemptStatus.Submitted;
        attempt.SubmittedAt = at;
        Total(attempt, answers);
        // The student changes their own rows here; an expired attempt closed on their next start is the same student.
        using (await SqliteWriterTurns.TakeAsync(db, ct))
        {
            await db.SaveChangesAsync(ct);
        }
        foreach (var item in quiz.Items.OrderBy(i => i.Position))
        {
            var answer = answers.FirstOrDefault(a => a.QuizItemId == item.Id);
            await records.RecordAsync(LearningActs.Answered(quiz, attempt, item, answer), ct);
        }
        await records.RecordAsync(LearningActs.Completed(quiz, attempt), ct);
    }

    /// <summary>Score is the sum of marked answers; the attempt is Marked once no short answer waits.</summary>
    public static void Total(Attempt attempt, IReadOnlyList<Answer> answers)
    {
        attempt.Score = answers.Sum(a => a.Score ?? 0);
        attempt.PendingMarks = answers.Count(a => a.Score is null);
        attempt.Status = attempt.PendingMarks == 0 ? AttemptStatus.Marked : AttemptStatus.Submitted;
    }

    public static async Task<Ok<AttemptView>> EndpointAsync(AssessmentDbContext db, ILearningRecords records, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, records, clock, id, ct));
}
