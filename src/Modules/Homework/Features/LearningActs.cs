using EduCloud.Homework.Domain;
using EduCloud.Records.Contracts;
using Microsoft.Extensions.Logging;

namespace EduCloud.Homework.Features;

/// <summary>
/// The xAPI statements homework writes (伴随式记录): opening an assignment (experienced), submitting (submitted),
/// being marked (scored, with the score). Written after the homework change has committed; a refusal by the record
/// store is logged (ids only) and does not undo the student's or teacher's work.
/// </summary>
internal static class LearningActs
{
    public static string ActivityOf(Guid assignmentId) => $"https://www.educloud.cn/activities/homework/{assignmentId}";

    public static Task OpenedAsync(ILearningRecords records, ILogger logger, Guid student, Assignment a, CancellationToken ct) =>
        TryAsync(records, logger, new LearningAct(student, Verbs.Experienced, "查看", ActivityOf(a.Id), a.Title), ct);

    public static Task SubmittedAsync(ILearningRecords records, ILogger logger, Assignment a, Submission s, CancellationToken ct) =>
        TryAsync(records, logger, new LearningAct(s.StudentId, Verbs.Submitted, "提交", ActivityOf(a.Id), a.Title,
            new LearningResult(Completion: true, Response: s.Late ? "late" : "on time"), Timestamp: s.SubmittedAt), ct);

    public static Task ScoredAsync(ILearningRecords records, ILogger logger, Assignment a, Submission s, CancellationToken ct) =>
        TryAsync(records, logger, new LearningAct(s.StudentId, Verbs.Scored, "得分", ActivityOf(a.Id), a.Title,
            new LearningResult(Scaled: a.MaxScore > 0 ? Math.Round(s.Score!.Value / a.MaxScore, 4) : 0, Raw: s.Score, Min: 0, Max: a.MaxScore)), ct);

    private static async Task TryAsync(ILearningRecords records, ILogger logger, LearningAct act, CancellationToken ct)
    {
        try
        {
            await records.RecordAsync(act, ct);
        }
        catch (LearningRecordRejectedException e)
        {
            logger.LogWarning("Homework learning record refused for activity {Activity}: {Reason}", act.ActivityId, e.Message);
        }
    }
}
