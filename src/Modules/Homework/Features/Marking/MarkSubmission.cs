using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Submissions;
using EduCloud.Kernel.Errors;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EduCloud.Homework.Features.Marking;

/// <summary>
/// 批改: the class's teacher marks a submission with a score (0..max, or points per rubric criterion that add up to
/// the score) and a comment, then either publishes the mark (Marked, recorded as xAPI scored) or returns the work
/// for redo (Returned: the student may submit again). A published mark may be corrected and published again.
/// </summary>
internal static class MarkSubmission
{
    public sealed record Request(string? Decision, double? Score, IReadOnlyList<double>? CriterionPoints, string? Comment);

    public static async Task<SubmissionDto> HandleAsync(HomeworkDbContext db, ILearningRecords records, ILogger logger, TimeProvider clock,
        Guid submissionId, Request request, CancellationToken ct)
    {
        var submission = await SubmissionView.FindAsync(db, submissionId, ct);
        var me = HomeworkAccess.RequireTeacherOf(db, submission.ClassId);
        var assignment = await HomeworkAccess.FindAsync(db, submission.AssignmentId, ct);
        if (submission.Status == SubmissionStatus.Returned)
        {
            throw new ConflictException("decision", "作业已退回，等待学生重新提交");
        }
        var publish = string.Equals(request.Decision, "Publish", StringComparison.OrdinalIgnoreCase);
        var giveBack = string.Equals(request.Decision, "Return", StringComparison.OrdinalIgnoreCase);
        var problems = new Problems()
            .Check(publish || giveBack, "decision", "请选择 Publish（公布成绩）或 Return（退回重做）")
            .MaxLength(request.Comment, 2000, "comment", "评语")
            .Check(!giveBack || !string.IsNullOrWhiteSpace(request.Comment), "comment", "退回重做时请写明评语");
        var score = await ScoreAsync(db, assignment, request, publish, problems, ct);
        problems.ThrowIfAny();

        // The teacher marks their part; the objective bank items were marked on submission and add to it.
        submission.Score = publish ? score + (submission.AutoScore ?? 0) : null;
        submission.CriterionPoints = publish ? [.. request.CriterionPoints ?? []] : [];
        submission.Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        submission.Status = publish ? SubmissionStatus.Marked : SubmissionStatus.Returned;
        submission.MarkedAt = clock.GetUtcNow().UtcDateTime;
        submission.MarkedBy = me;
        submission.Revision++;
        try
        {
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("decision", "学生刚重新提交了作业，请刷新后再批改");
        }
        if (publish)
        {
            await LearningActs.ScoredAsync(records, logger, assignment, submission, ct);
        }
        return await SubmissionView.DescribeAsync(db, submission, ct);
    }

    /// <summary>The score: the rubric's points added up, or the score given; null with a problem when it breaks a rule.</summary>
    private static async Task<double?> ScoreAsync(HomeworkDbContext db, Assignment assignment, Request request, bool publish, Problems problems, CancellationToken ct)
    {
        var rubric = await Assignments.AssignmentView.RubricAsync(db, assignment.Id, ct);
        if (!publish)
        {
            return null;
        }
        var teacherPart = assignment.MaxScore - assignment.AutoPoints;
        if (rubric.Count == 0)
        {
            problems.Check(request.Score is { } s && s >= 0 && s <= teacherPart, "score", assignment.AutoPoints > 0
                ? $"分数（教师批阅部分）须在0到{teacherPart:0.##}之间，客观题{assignment.AutoPoints:0.##}分已自动批阅"
                : $"分数须在0到{teacherPart:0.##}之间");
            return request.Score;
        }
        var points = request.CriterionPoints ?? [];
        if (points.Count != rubric.Count)
        {
            problems.Add("criterionPoints", $"请为评分细则的{rubric.Count}项逐项打分");
            return null;
        }
        for (var i = 0; i < rubric.Count; i++)
        {
            problems.Check(points[i] >= 0 && points[i] <= rubric[i].Points, $"criterionPoints[{i}]", $"「{rubric[i].Name}」的得分须在0到{rubric[i].Points:0.##}之间");
        }
        var total = points.Sum();
        problems.Check(request.Score is null || Math.Abs(request.Score.Value - total) < 0.001, "score", $"总分须等于各项得分之和（{total:0.##}）");
        return total;
    }

    public static async Task<Ok<SubmissionDto>> EndpointAsync(HomeworkDbContext db, ILearningRecords records, ILogger<Request> logger, TimeProvider clock,
        Guid id, Request request, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, records, logger, clock, id, request, ct));
}
