using EduCloud.Assessment.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Quizzes;

/// <summary>
/// 修改自测: its author changes the title, items, classes, window, time limit, attempts or answer display, with the
/// same rules as building it, until the first student starts. After that the quiz is refused (409), not versioned:
/// attempts, answers and the item statistics point at the quiz's item copies, and a student who has answered must
/// keep the paper they saw; a changed quiz is a new quiz (布置自测 again), which keeps each set of statistics whole.
/// </summary>
internal static class UpdateQuiz
{
    public const string Refused = "已有学生开始作答，不能再修改该自测；如需调整，请新建一个自测";

    public static async Task<QuizDto> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CreateQuiz.Request r,
        CancellationToken ct)
    {
        var quiz = await QuizAccess.OwnedAsync(db, id, ct);
        await RefuseIfAttemptedAsync(db, id, ct);
        db.QuizItems.RemoveRange(quiz.Items);
        db.QuizClasses.RemoveRange(quiz.Classes);
        await CreateQuiz.ApplyAsync(db, directory, clock, quiz, r, ct);
        db.QuizItems.AddRange(quiz.Items);
        db.QuizClasses.AddRange(quiz.Classes);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Checked again inside the transaction, just before the write: a student who started meanwhile wins.
        await RefuseIfAttemptedAsync(db, id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return QuizDto.Of(quiz);
    }

    public static async Task<bool> AttemptedAsync(AssessmentDbContext db, Guid quizId, CancellationToken ct) =>
        // Any student's attempt counts, whatever class: read past the place filter (only existence is read).
        await db.Attempts.IgnoreQueryFilters().AnyAsync(a => a.QuizId == quizId, ct);

    private static async Task RefuseIfAttemptedAsync(AssessmentDbContext db, Guid quizId, CancellationToken ct)
    {
        if (await AttemptedAsync(db, quizId, ct))
        {
            throw new ConflictException("id", Refused);
        }
    }

    public static async Task<Ok<QuizDto>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CreateQuiz.Request request,
        CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, directory, clock, id, request, ct));
}
