namespace EduCloud.Records.Contracts;

/// <summary>
/// 学习生涯记录: one learner's learning acts from the record store, newest first, in plain Chinese, for the learner,
/// their parents, and the teachers and administrators of the learner's class (anyone else: NotFoundException).
/// Item-level statements (each answered question) are left out: the timeline shows whole acts.
/// </summary>
public interface ILearningTimeline
{
    Task<TimelinePage> ReadAsync(Guid learnerId, TimelineQuery query, CancellationToken ct);
}

/// <param name="Month">A month in Beijing time as "yyyy-MM", or null for all.</param>
/// <param name="Kind">"homework", "quiz", "other" or null for all.</param>
/// <param name="Before">The cursor of the next page (<see cref="TimelinePage.Next"/>).</param>
public sealed record TimelineQuery(string? Month = null, string? Kind = null, long? Before = null, int Take = 30);

/// <param name="Next">Pass as <see cref="TimelineQuery.Before"/> for older entries; null on the last page.</param>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long? Next);

/// <param name="Kind">homework, quiz or other.</param>
/// <param name="Text">What happened in plain Chinese, e.g. 完成自测《第一单元》，得分 8 / 10.</param>
public sealed record TimelineEntry(Guid Id, DateTimeOffset At, string Kind, string VerbId, string Text, string? ActivityName, double? Raw, double? Max, bool Late);
