using EduCloud.Assessment.Domain;
using EduCloud.Records.Contracts;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// The xAPI statements of a self-test (伴随式记录): attempted on start, answered per item and completed on
/// submission, scored when the teacher marks. The registration is the attempt id, so one attempt's statements group.
/// </summary>
internal static class LearningActs
{
    public const string Home = "https://www.educloud.cn/activities/";

    public static string QuizActivity(Guid quizId) => Home + "quiz/" + quizId;

    public static string ItemActivity(Guid quizId, Guid quizItemId) => QuizActivity(quizId) + "/item/" + quizItemId;

    public static LearningAct Attempted(Quiz quiz, Attempt a) =>
        new(a.StudentId, Verbs.Attempted, "开始作答", QuizActivity(quiz.Id), quiz.Title, Registration: a.Id, Timestamp: Utc(a.StartedAt));

    public static LearningAct Answered(Quiz quiz, Attempt a, QuizItem item, Answer? answer) =>
        new(a.StudentId, Verbs.Answered, "作答", ItemActivity(quiz.Id, item.Id), $"{quiz.Title} 第{item.Position}题",
            new LearningResult(Raw: (double?)answer?.Score ?? (item.Kind.IsObjective() ? 0 : null), Min: 0, Max: item.Points,
                Success: item.Kind.IsObjective() ? answer?.Correct ?? false : null, Response: Response(item, answer)),
            a.Id, Utc(answer?.AnsweredAt ?? a.SubmittedAt ?? a.StartedAt));

    public static LearningAct Completed(Quiz quiz, Attempt a) =>
        new(a.StudentId, Verbs.Completed, "完成", QuizActivity(quiz.Id), quiz.Title, Score(a, completion: true), a.Id, Utc(a.SubmittedAt ?? a.StartedAt));

    public static LearningAct ScoredItem(Quiz quiz, Attempt a, QuizItem item, Answer answer, DateTime at) =>
        new(a.StudentId, Verbs.Scored, "批阅", ItemActivity(quiz.Id, item.Id), $"{quiz.Title} 第{item.Position}题",
            new LearningResult(Scaled: item.Points == 0 ? null : Math.Round((double)(answer.Score ?? 0) / item.Points, 4), Raw: (double)(answer.Score ?? 0), Min: 0, Max: item.Points),
            a.Id, Utc(at));

    public static LearningAct ScoredQuiz(Quiz quiz, Attempt a, DateTime at) =>
        new(a.StudentId, Verbs.Scored, "批阅", QuizActivity(quiz.Id), quiz.Title, Score(a, completion: null), a.Id, Utc(at));

    private static LearningResult Score(Attempt a, bool? completion) => new(Scaled: a.MaxScore == 0 ? null : Math.Round((double)a.Score / a.MaxScore, 4),
        Raw: (double)a.Score, Min: 0, Max: a.MaxScore, Completion: completion);

    /// <summary>xAPI's response string: choice keys joined by "[,]", blanks too (the interaction-type convention), a short answer as is.</summary>
    private static string Response(QuizItem item, Answer? answer) => answer is null ? "" : item.Kind == ItemKind.ShortAnswer
        ? string.Join("\n", answer.Response)
        : string.Join("[,]", answer.Response);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
