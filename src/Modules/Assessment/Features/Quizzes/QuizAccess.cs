using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Quizzes;

/// <summary>
/// Who reaches a quiz. Quizzes are addressed to classes (like a class push), not placed in the tree: the owner
/// manages theirs; a student takes those assigned to a class where they hold a Student assignment
/// (IClassRoster.StudentClassesAsync: a student's scope holds no classes). Anyone else gets 404.
/// </summary>
internal static class QuizAccess
{
    public static async Task<Quiz> OwnedAsync(AssessmentDbContext db, Guid id, CancellationToken ct, bool withItems = true)
    {
        var me = db.Actor.UserId;
        var query = db.Quizzes.Include(q => q.Classes).AsQueryable();
        if (withItems)
        {
            query = query.Include(q => q.Items.OrderBy(i => i.Position));
        }
        return await query.FirstOrDefaultAsync(q => q.Id == id && q.OwnerId == me, ct) ?? throw new NotFoundException("未找到该自测");
    }

    /// <summary>The quiz and the caller's class it is assigned to, for a student of that class.</summary>
    public static async Task<(Quiz Quiz, Guid ClassId)> ForStudentAsync(AssessmentDbContext db, IClassRoster roster, Guid id, CancellationToken ct)
    {
        var classes = await StudentClassesAsync(db.Actor, roster, ct);
        // A quiz somebody has started is frozen and kept in memory; before that it is read (it may still change).
        var quiz = Attempts.AttemptedQuizzes.Find(id)
            ?? await db.Quizzes.AsNoTracking().Include(q => q.Classes).Include(q => q.Items.OrderBy(i => i.Position)).FirstOrDefaultAsync(q => q.Id == id, ct);
        var classId = quiz?.Classes.Select(c => c.ClassId).FirstOrDefault(classes.Contains) ?? Guid.Empty;
        return quiz is null || classId == Guid.Empty ? throw new NotFoundException("未找到该自测") : (quiz, classId);
    }

    public static async Task<IReadOnlyList<Guid>> StudentClassesAsync(ICurrentActor actor, IClassRoster roster, CancellationToken ct) =>
        actor.Roles.Contains(Role.Student) && actor.UserId is { } me ? await roster.StudentClassesAsync(me, ct) : [];
}
