using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Assignments;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EduCloud.Homework.Features.Submissions;

/// <summary>A student opens one of their homework: the assignment, their submission with its feedback, and whether it is still open. Recorded as experienced.</summary>
internal static class OpenWork
{
    public sealed record Work(AssignmentDto Assignment, SubmissionDto? Submission, bool Open, bool Overdue);

    public static async Task<Work> HandleAsync(HomeworkDbContext db, IClassRoster roster, ILearningRecords records, ILogger logger, TimeProvider clock,
        Guid assignmentId, CancellationToken ct)
    {
        var assignment = await HomeworkAccess.FindForStudentAsync(db, roster, assignmentId, ct);
        var me = db.Actor.UserId!.Value;
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.AssignmentId == assignmentId && s.StudentId == me, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await LearningActs.OpenedAsync(records, logger, me, assignment, ct);
        return new Work(await AssignmentView.DescribeAsync(db, assignment, ct), submission is null ? null : await SubmissionView.DescribeAsync(db, submission, ct),
            assignment.IsOpen(now) && submission?.Status != SubmissionStatus.Marked, now > assignment.DueAt);
    }

    public static async Task<Ok<Work>> EndpointAsync(HomeworkDbContext db, IClassRoster roster, ILearningRecords records, ILogger<Work> logger, TimeProvider clock,
        Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, roster, records, logger, clock, id, ct));
}
