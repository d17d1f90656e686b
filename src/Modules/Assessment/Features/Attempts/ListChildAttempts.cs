using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// 孩子的自测: a parent's view of each child's self-test attempts, newest first (quiz, when, score, status). The
/// children are the parent's DataScope.People; the attempts come through the scope filter (IOwnedByPerson), so a
/// child of another family is never read, and asking for one by id is 404.
/// </summary>
internal static class ListChildAttempts
{
    public const int PerChild = 50;

    public sealed record ChildAttempts(Guid Id, string Name, IReadOnlyList<ChildAttempt> Attempts);

    public sealed record ChildAttempt(Guid Id, Guid QuizId, string QuizTitle, int Number, DateTime StartedAt, DateTime? SubmittedAt, string Status, string StatusName,
        decimal? Score, int MaxScore, int PendingMarks);

    public static IReadOnlyList<Guid> Children(ICurrentActor actor) =>
        actor.UserId is { } me && actor.Roles.Contains(Role.Parent) ? actor.Scope.People.Where(p => p != me).ToList() : [];

    public static async Task<IReadOnlyList<ChildAttempts>> HandleAsync(AssessmentDbContext db, IClassRoster roster, Guid? childId, CancellationToken ct)
    {
        var children = Children(db.Actor);
        if (childId is { } one)
        {
            children = children.Contains(one) ? [one] : throw new NotFoundException("未找到该学生");
        }
        var names = await roster.NamesAsync(children, ct);
        var result = new List<ChildAttempts>();
        foreach (var child in children.OrderBy(c => names.GetValueOrDefault(c)))
        {
            // One bounded query per child (a family has few children); the scope filter is what lets the parent read them.
            var rows = await db.Attempts.AsNoTracking().Where(a => a.StudentId == child).OrderByDescending(a => a.StartedAt).Take(PerChild)
                .Join(db.Quizzes, a => a.QuizId, q => q.Id, (a, q) => new { a, q.Title }).ToListAsync(ct);
            result.Add(new ChildAttempts(child, names.GetValueOrDefault(child) ?? "", rows.Select(r => new ChildAttempt(r.a.Id, r.a.QuizId, r.Title, r.a.Number,
                r.a.StartedAt, r.a.SubmittedAt, r.a.Status.ToString(), StatusName(r.a.Status), r.a.Status == AttemptStatus.InProgress ? null : r.a.Score, r.a.MaxScore,
                r.a.PendingMarks)).ToList()));
        }
        return result;
    }

    public static string StatusName(AttemptStatus status) => status switch
    {
        AttemptStatus.InProgress => "作答中",
        AttemptStatus.Submitted => "待批阅",
        _ => "已批阅",
    };

    public static async Task<Ok<IReadOnlyList<ChildAttempts>>> EndpointAsync(AssessmentDbContext db, IClassRoster roster, Guid? childId, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, roster, childId, ct));
}
