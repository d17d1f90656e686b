using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// One attempt, read through the scope filter: the student and their parents (by person), the class's teachers and
/// the school's administrators (by place). Another student gets 404.
/// </summary>
internal static class GetAttempt
{
    public static async Task<(Attempt Attempt, Quiz Quiz)> LoadAsync(AssessmentDbContext db, Guid id, CancellationToken ct)
    {
        var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该作答");
        var quiz = await AttemptedQuizzes.GetAsync(db, attempt.QuizId, ct);
        return (attempt, quiz);
    }

    public static async Task<AttemptView> HandleAsync(AssessmentDbContext db, Guid id, CancellationToken ct)
    {
        var (attempt, quiz) = await LoadAsync(db, id, ct);
        return await ViewAsync(db, quiz, attempt, quiz.OwnerId == db.Actor.UserId, ct);
    }

    public static async Task<AttemptView> ViewAsync(AssessmentDbContext db, Quiz quiz, Attempt attempt, bool isOwner, CancellationToken ct)
    {
        var answers = await db.Answers.AsNoTracking().Where(a => a.AttemptId == attempt.Id).ToListAsync(ct);
        return AttemptViews.Of(quiz, attempt, answers, isOwner);
    }

    public static async Task<Ok<AttemptView>> EndpointAsync(AssessmentDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, id, ct));
}
