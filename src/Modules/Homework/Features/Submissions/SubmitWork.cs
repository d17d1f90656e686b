using EduCloud.Assessment.Contracts;
using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EduCloud.Homework.Features.Submissions;

/// <summary>
/// 提交作业: a student hands in text and files. Idempotent by the client's key (Idempotency-Key header, or the
/// page's hidden form token): a repeat of a key answers the submission it made, and the unique index on
/// (student, key) keeps a double-click racing itself to one row. A new key before marking replaces the content
/// and keeps the earlier one as a version. Hard deadline: refused after the due time; soft: accepted and marked late.
/// </summary>
internal static class SubmitWork
{
    public sealed record Request(string? Text, IReadOnlyList<Guid>? FileIds, IReadOnlyList<ItemResponse>? Answers = null);

    /// <summary>The answer to one bank item: choice keys (A, B ... or T/F), one entry per blank, or the text of a short answer.</summary>
    public sealed record ItemResponse(Guid ItemId, IReadOnlyList<string>? Response);

    public sealed record Outcome(SubmissionDto Submission, bool Replayed);

    public static async Task<Outcome> HandleAsync(HomeworkDbContext db, IClassRoster roster, IItemBank bank, ILearningRecords records, ILogger logger, TimeProvider clock,
        Guid assignmentId, string? key, Request request, CancellationToken ct, bool retried = false)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        key = key?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > 100)
        {
            throw ValidationFailedException.For("idempotencyKey", "缺少提交标识（Idempotency-Key，1到100个字符）");
        }
        if (await ReplayAsync(db, me, assignmentId, key, ct) is { } replay)
        {
            return replay;
        }
        var assignment = await HomeworkAccess.FindForStudentAsync(db, roster, assignmentId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        CheckOpen(assignment, now);
        var fileIds = (request.FileIds ?? []).Distinct().ToList();
        var answers = await ItemAnswers.MarkAsync(bank, assignment, request.Answers ?? [], ct);
        var problems = new Problems()
            .MaxLength(request.Text, 20000, "text", "作答内容")
            .Check(!string.IsNullOrWhiteSpace(request.Text) || fileIds.Count > 0 || answers.Any(a => a.Response.Any(r => r.Length > 0)), "text",
                assignment.Items.Count > 0 ? "请作答题目、填写作答内容或上传文件" : "请填写作答内容或上传文件");
        if (await HomeworkFiles.CheckOwnedAsync(db, me, fileIds, ct) is { } fileProblem)
        {
            problems.Add("fileIds", fileProblem);
        }
        problems.ThrowIfAny();

        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.AssignmentId == assignmentId && s.StudentId == me, ct);
        if (submission?.Status == SubmissionStatus.Marked)
        {
            throw new ConflictException("assignmentId", "作业已批改并公布成绩，不能再提交");
        }
        var late = now > assignment.DueAt;
        if (submission is null)
        {
            submission = new Submission
            {
                AssignmentId = assignmentId, StudentId = me, StudentName = db.Actor.DisplayName ?? "", FirstSubmittedAt = now, CurrentVersion = 0,
                ProvinceCode = assignment.ProvinceCode, CityCode = assignment.CityCode, CountyCode = assignment.CountyCode,
                SchoolId = assignment.SchoolId, ClassId = assignment.ClassId,
            };
            db.Submissions.Add(submission);
        }
        submission.CurrentVersion++;
        submission.Text = request.Text?.Trim() ?? "";
        submission.FileIds = fileIds;
        submission.SubmittedAt = now;
        submission.Late = late;
        submission.Status = SubmissionStatus.Submitted;
        submission.Answers = answers;
        submission.AutoScore = assignment.Items.Count > 0 ? answers.Sum(a => a.Score ?? 0) : null;
        // Nothing left for the teacher (every item objective, no written part): the automatic mark is the published mark.
        var autoPublished = assignment.Items.Count > 0 && assignment.MaxScore - assignment.AutoPoints <= 0;
        if (autoPublished)
        {
            submission.Status = SubmissionStatus.Marked;
            submission.Score = submission.AutoScore;
            submission.MarkedAt = now;
        }
        submission.Revision++;
        db.Versions.Add(new SubmissionVersion
        {
            SubmissionId = submission.Id, AssignmentId = assignmentId, StudentId = me, Number = submission.CurrentVersion, IdempotencyKey = key,
            Text = submission.Text, FileIds = fileIds, SubmittedAt = now, Late = late,
            ProvinceCode = submission.ProvinceCode, CityCode = submission.CityCode, CountyCode = submission.CountyCode,
            SchoolId = submission.SchoolId, ClassId = submission.ClassId,
        });
        try
        {
            // A student manages no place; the row's place is their own class's, read from the roster, not chosen.
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateException) when (!retried)
        {
            // Lost a race: the same key (a double-click) or another first submission of this student got in first.
            db.ChangeTracker.Clear();
            return await HandleAsync(db, roster, bank, records, logger, clock, assignmentId, key, request, ct, retried: true);
        }
        await LearningActs.SubmittedAsync(records, logger, assignment, submission, ct);
        if (autoPublished)
        {
            await LearningActs.ScoredAsync(records, logger, assignment, submission, ct);
        }
        return new Outcome(await SubmissionView.DescribeAsync(db, submission, ct), false);
    }

    private static void CheckOpen(Assignment a, DateTime now)
    {
        if (a.ClosedAt is not null)
        {
            throw new ConflictException("assignmentId", "老师已结束收取该作业，不能再提交");
        }
        if (a.Deadline == DeadlineRule.Hard && now > a.DueAt)
        {
            throw new ConflictException("assignmentId", "已过截止时间，该作业逾期不收");
        }
    }

    private static async Task<Outcome?> ReplayAsync(HomeworkDbContext db, Guid me, Guid assignmentId, string key, CancellationToken ct)
    {
        var earlier = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.StudentId == me && v.IdempotencyKey == key, ct);
        if (earlier is null)
        {
            return null;
        }
        if (earlier.AssignmentId != assignmentId)
        {
            throw new ConflictException("idempotencyKey", "该提交标识已用于另一份作业");
        }
        var submission = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == earlier.SubmissionId, ct);
        return new Outcome(await SubmissionView.DescribeAsync(db, submission, ct), true);
    }

    public static async Task<Results<Created<SubmissionDto>, Ok<SubmissionDto>>> EndpointAsync(HomeworkDbContext db, IClassRoster roster, IItemBank bank, ILearningRecords records,
        ILogger<Submission> logger, TimeProvider clock, Guid id, [FromHeader(Name = "Idempotency-Key")] string? key, Request request, CancellationToken ct)
    {
        var outcome = await HandleAsync(db, roster, bank, records, logger, clock, id, key, request, ct);
        return outcome.Replayed ? TypedResults.Ok(outcome.Submission) : TypedResults.Created($"/api/v1/homework/submissions/{outcome.Submission.Id}", outcome.Submission);
    }
}
