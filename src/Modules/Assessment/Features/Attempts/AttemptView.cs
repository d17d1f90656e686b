using EduCloud.Assessment.Domain;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// An attempt as its reader sees it. Correct answers, reference answers and per-item marks are shown to the quiz's
/// owner, and to the student only after submitting and only if the teacher allows it; the score once submitted.
/// </summary>
public sealed record AttemptView(Guid Id, Guid QuizId, string QuizTitle, string Status, string StudentName, int Number, DateTime StartedAt, DateTime DueAt,
    DateTime? SubmittedAt, decimal? Score, int MaxScore, int PendingMarks, bool ShowsAnswers, IReadOnlyList<AttemptItemView> Items);

public sealed record AttemptItemView(Guid QuizItemId, int Position, string Kind, string KindName, string Stem, int Points, IReadOnlyList<OptionView> Options,
    int BlankCount, IReadOnlyList<IReadOnlyList<string>>? BlankAnswers, string? ReferenceAnswer, IReadOnlyList<string> Response, decimal? Score, bool? Correct, string? Comment);

public sealed record OptionView(string Key, string Text, bool? Correct);

internal static class AttemptViews
{
    public static AttemptView Of(Quiz quiz, Attempt a, IReadOnlyList<Answer> answers, bool isOwner)
    {
        var submitted = a.Status != AttemptStatus.InProgress;
        var show = isOwner || (submitted && quiz.ShowAnswers);
        var byItem = answers.ToDictionary(x => x.QuizItemId);
        var items = quiz.Items.OrderBy(i => i.Position).Select(i =>
        {
            var answer = byItem.GetValueOrDefault(i.Id);
            return new AttemptItemView(i.Id, i.Position, i.Kind.ToString(), i.Kind.ChineseName(), i.Stem, i.Points,
                i.Options.Select(o => new OptionView(o.Key, o.Text, show ? o.Correct : null)).ToList(), i.Blanks.Count,
                show ? i.Blanks.Select(b => (IReadOnlyList<string>)b.Answers).ToList() : null, show ? i.ReferenceAnswer : null,
                answer?.Response ?? [], submitted ? answer?.Score ?? (i.Kind.IsObjective() ? 0 : null) : null, submitted ? answer?.Correct : null, answer?.Comment);
        }).ToList();
        return new AttemptView(a.Id, quiz.Id, quiz.Title, a.Status.ToString(), a.StudentName, a.Number, a.StartedAt, a.DueAt, a.SubmittedAt,
            submitted ? a.Score : null, a.MaxScore, a.PendingMarks, show, items);
    }
}
