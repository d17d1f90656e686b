using EduCloud.Assessment.Contracts;
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
    /// <param name="Items">The bank items' content (no answers), in the assignment's order.</param>
    public sealed record Work(AssignmentDto Assignment, SubmissionDto? Submission, bool Open, bool Overdue, IReadOnlyList<BankItem> Items);

    public static async Task<Work> HandleAsync(HomeworkDbContext db, IClassRoster roster, IItemBank bank, ILearningRecords records, ILogger logger, TimeProvider clock,
        Guid assignmentId, CancellationToken ct)
    {
        var assignment = await HomeworkAccess.FindForStudentAsync(db, roster, assignmentId, ct);
        var me = db.Actor.UserId!.Value;
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.AssignmentId == assignmentId && s.StudentId == me, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await LearningActs.OpenedAsync(records, logger, me, assignment, ct);
        return new Work(await AssignmentView.DescribeAsync(db, assignment, ct), submission is null ? null : await SubmissionView.DescribeAsync(db, submission, ct),
            assignment.IsOpen(now) && submission?.Status != SubmissionStatus.Marked, now > assignment.DueAt, await ContentAsync(bank, assignment, ct));
    }

    /// <summary>The content of the assignment's bank items in its order (an item gone from the bank is left out).</summary>
    public static async Task<IReadOnlyList<BankItem>> ContentAsync(IItemBank bank, Assignment assignment, CancellationToken ct)
    {
        if (assignment.Items.Count == 0)
        {
            return [];
        }
        var content = await bank.ContentAsync(assignment.Items.Select(i => i.Ref).ToList(), ct);
        return assignment.Items.Where(i => content.ContainsKey(i.ItemId)).Select(i => content[i.ItemId] with { Points = i.Points }).ToList();
    }

    public static async Task<Ok<Work>> EndpointAsync(HomeworkDbContext db, IClassRoster roster, IItemBank bank, ILearningRecords records, ILogger<Work> logger,
        TimeProvider clock, Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, roster, bank, records, logger, clock, id, ct));
}
