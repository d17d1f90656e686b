using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Assignments;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Views;

public sealed record HomeworkItem(Guid AssignmentId, string Title, string Subject, string ClassName, string TeacherName, DateTimeOffset DueAt, string Deadline,
    bool Overdue, bool CanSubmit, string State, Guid? SubmissionId, bool Late, double? Score, double MaxScore, string? Comment);

public sealed record LearnerHomework(Guid Id, string Name, IReadOnlyList<HomeworkItem> Todo, IReadOnlyList<HomeworkItem> Done);

/// <summary>
/// A learner's homework: the student's own to-do list (/homework/todo) and a parent's view of each child
/// (/homework/children). To do: not submitted (or returned for redo) and not closed, soonest due first, overdue flagged.
/// Done: submitted work with its state, score and the teacher's comment, newest first.
/// </summary>
internal static class ListMyHomework
{
    public static async Task<LearnerHomework> TodoAsync(HomeworkDbContext db, IClassRoster roster, TimeProvider clock, CancellationToken ct) =>
        await ForAsync(db, roster, clock, db.Actor.UserId!.Value, db.Actor.DisplayName ?? "", ct);

    /// <summary>Each child of the calling parent (none for anyone else: the children come from the caller's own scope).</summary>
    public static async Task<IReadOnlyList<LearnerHomework>> ChildrenAsync(HomeworkDbContext db, IClassRoster roster, TimeProvider clock, CancellationToken ct)
    {
        var children = HomeworkAccess.Learners(db).Where(id => id != db.Actor.UserId).ToList();
        var names = await roster.NamesAsync(children, ct);
        var result = new List<LearnerHomework>();
        foreach (var child in children.OrderBy(c => names.GetValueOrDefault(c)))
        {
            result.Add(await ForAsync(db, roster, clock, child, names.GetValueOrDefault(child) ?? "", ct));
        }
        return result;
    }

    private static async Task<LearnerHomework> ForAsync(HomeworkDbContext db, IClassRoster roster, TimeProvider clock, Guid learner, string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assignments = await (await HomeworkAccess.OfLearnerAsync(db, roster, learner, ct)).AsNoTracking().OrderBy(a => a.DueAt).Take(500).ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        // Through the scope filter: the student's own submissions, or the parent's children's.
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.StudentId == learner && ids.Contains(s.AssignmentId)).ToDictionaryAsync(s => s.AssignmentId, ct);
        var items = assignments.Select(a => ItemOf(a, submissions.GetValueOrDefault(a.Id), now)).ToList();
        var todo = items.Where(i => i.State is "Missing" or nameof(SubmissionStatus.Returned) && (i.CanSubmit || i.Overdue)).ToList();
        var done = items.Where(i => !todo.Contains(i) && i.SubmissionId is not null).OrderByDescending(i => i.DueAt).ToList();
        return new LearnerHomework(learner, name, todo, done);
    }

    private static HomeworkItem ItemOf(Assignment a, Submission? s, DateTime now) => new(a.Id, a.Title, a.Subject, a.ClassName, a.TeacherName, AssignmentView.Utc(a.DueAt),
        a.Deadline.ToString(), now > a.DueAt, a.IsOpen(now) && s?.Status != SubmissionStatus.Marked, s?.Status.ToString() ?? "Missing", s?.Id, s?.Late ?? false,
        s?.Score, a.MaxScore, s?.Comment);

    public static async Task<Ok<LearnerHomework>> TodoEndpointAsync(HomeworkDbContext db, IClassRoster roster, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await TodoAsync(db, roster, clock, ct));

    public static async Task<Ok<IReadOnlyList<LearnerHomework>>> ChildrenEndpointAsync(HomeworkDbContext db, IClassRoster roster, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ChildrenAsync(db, roster, clock, ct));
}
