namespace EduCloud.Records.Contracts;

/// <summary>
/// How other modules (learning spaces: viewing a resource, submitting, answering, completing a quiz, being marked)
/// record a learning act in-process, as a standard xAPI statement about one of our accounts. The statement goes
/// through the same validation and storage as the /xapi endpoint; its authority is the platform.
/// </summary>
public interface ILearningRecords
{
    /// <summary>Records the act and answers the statement id.</summary>
    Task<Guid> RecordAsync(LearningAct act, CancellationToken ct);
}

/// <param name="AccountId">The learner (actor), one of our accounts.</param>
/// <param name="VerbId">An xAPI verb IRI, e.g. <see cref="Verbs.Completed"/>.</param>
/// <param name="ActivityId">The activity IRI (e.g. https://www.educloud.cn/activities/quiz/{id}).</param>
/// <param name="ActivityName">The activity's name (language map zh-CN).</param>
/// <param name="Registration">Groups the statements of one attempt, if any.</param>
public sealed record LearningAct(Guid AccountId, string VerbId, string VerbDisplay, string ActivityId, string? ActivityName = null,
    LearningResult? Result = null, Guid? Registration = null, DateTimeOffset? Timestamp = null, Guid? StatementId = null);

/// <summary>An xAPI result: score (scaled in [-1, 1], raw within [min, max]), success, completion, response, duration.</summary>
public sealed record LearningResult(double? Scaled = null, double? Raw = null, double? Min = null, double? Max = null, bool? Success = null,
    bool? Completion = null, string? Response = null, TimeSpan? Duration = null);

/// <summary>The ADL verbs the spaces use.</summary>
public static class Verbs
{
    public const string Experienced = "http://adlnet.gov/expapi/verbs/experienced";
    public const string Answered = "http://adlnet.gov/expapi/verbs/answered";
    public const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Scored = "http://adlnet.gov/expapi/verbs/scored";
    public const string Submitted = "https://w3id.org/xapi/dod-isd/verbs/submitted";
}

/// <summary>The statement could not be recorded (invalid or refused); Message names the field.</summary>
public sealed class LearningRecordRejectedException(string message) : Exception(message);
