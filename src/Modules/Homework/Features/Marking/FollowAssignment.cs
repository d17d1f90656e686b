using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Assignments;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Marking;

/// <summary>
/// 作业跟踪: the class list of one assignment with each student's state: not submitted, submitted (on time or late),
/// returned, marked with the score. Students with a submission who have left the class are listed too.
/// </summary>
internal static class FollowAssignment
{
    public sealed record StudentRow(Guid StudentId, string Name, string State, Guid? SubmissionId, DateTimeOffset? SubmittedAt, bool Late, int Version, double? Score);

    public sealed record Follow(AssignmentDto Assignment, IReadOnlyList<StudentRow> Students, int Submitted, int Late, int Missing, int Marked);

    /// <summary>The states, in the words of the page (data-state carries the English name).</summary>
    public static readonly IReadOnlyDictionary<string, string> StateNames = new Dictionary<string, string>
    {
        ["Missing"] = "未提交", ["Submitted"] = "已提交", ["Returned"] = "已退回", ["Marked"] = "已批改",
    };

    public static async Task<Follow> HandleAsync(HomeworkDbContext db, IClassRoster roster, Guid assignmentId, CancellationToken ct)
    {
        var assignment = await HomeworkAccess.FindAsync(db, assignmentId, ct);
        var students = await roster.ListStudentsAsync(assignment.ClassId!.Value, ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.AssignmentId == assignmentId).ToDictionaryAsync(s => s.StudentId, ct);
        var rows = students.Select(m => Row(m.AccountId, m.DisplayName, submissions.GetValueOrDefault(m.AccountId)))
            .Concat(submissions.Values.Where(s => students.All(m => m.AccountId != s.StudentId)).Select(s => Row(s.StudentId, s.StudentName, s)))
            .ToList();
        return new Follow(await AssignmentView.DescribeAsync(db, assignment, ct), rows, rows.Count(r => r.SubmissionId is not null), rows.Count(r => r.Late),
            rows.Count(r => r.SubmissionId is null), rows.Count(r => r.State == nameof(SubmissionStatus.Marked)));
    }

    private static StudentRow Row(Guid id, string name, Submission? s) => s is null
        ? new StudentRow(id, name, "Missing", null, null, false, 0, null)
        : new StudentRow(id, name, s.Status.ToString(), s.Id, AssignmentView.Utc(s.SubmittedAt), s.Late, s.CurrentVersion, s.Score);

    public static async Task<Ok<Follow>> EndpointAsync(HomeworkDbContext db, IClassRoster roster, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, roster, id, ct));
}
