using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Quizzes;

/// <summary>
/// 试题统计 for the quiz's owner, over each student's latest submitted attempt:
/// answered (non-empty responses), facility (mean score fraction; unanswered counts 0; short answers only once
/// marked), discrimination D = facility of the upper 27 % minus that of the lower 27 % of students ranked by total
/// (null under 4 students), and for choice items how many chose each option. Also the attempts, for marking.
/// </summary>
internal static class QuizStatistics
{
    public sealed record Result(QuizDto Quiz, int Students, decimal? MeanScore, IReadOnlyList<ItemStats> Items, IReadOnlyList<AttemptRow> Attempts);

    public sealed record ItemStats(Guid QuizItemId, int Position, string Kind, string Stem, int Points, int Answered, int Marked, double? Facility, double? Discrimination,
        IReadOnlyDictionary<string, int> Options);

    public sealed record AttemptRow(Guid Id, string StudentName, int Number, string Status, DateTime? SubmittedAt, decimal Score, int MaxScore, int PendingMarks);

    public static async Task<Result> HandleAsync(AssessmentDbContext db, Guid quizId, CancellationToken ct)
    {
        var quiz = await QuizAccess.OwnedAsync(db, quizId, ct);
        // The scope filter gives the teacher the attempts of their classes; the quiz went only to their own classes.
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.QuizId == quizId).OrderBy(a => a.StudentName).ThenBy(a => a.Number).ToListAsync(ct);
        var latest = attempts.Where(a => a.Status != AttemptStatus.InProgress).GroupBy(a => a.StudentId).Select(g => g.MaxBy(a => a.Number)!).ToList();
        var ids = latest.Select(a => a.Id).ToList();
        var answers = (await db.Answers.AsNoTracking().Where(a => ids.Contains(a.AttemptId)).ToListAsync(ct)).ToLookup(a => a.AttemptId);
        var ranked = latest.OrderByDescending(a => a.Score).ToList();
        var group = (int)Math.Round(ranked.Count * 0.27, MidpointRounding.AwayFromZero);
        var upper = ranked.Take(group).Select(a => a.Id).ToHashSet();
        var lower = ranked.TakeLast(group).Select(a => a.Id).ToHashSet();
        var items = quiz.Items.OrderBy(i => i.Position).Select(item =>
        {
            var per = latest.Select(a => (a.Id, Answer: answers[a.Id].FirstOrDefault(x => x.QuizItemId == item.Id))).ToList();
            var marked = per.Where(x => x.Answer is null || x.Answer.Score is not null).ToList();
            double Fraction((Guid Id, Answer? Answer) x) => item.Points == 0 ? 0 : (double)(x.Answer?.Score ?? 0) / item.Points;
            double? Mean(IEnumerable<(Guid Id, Answer? Answer)> xs) => xs.Any() ? Math.Round(xs.Average(Fraction), 3) : null;
            var discrimination = ranked.Count >= 4 ? Mean(marked.Where(x => upper.Contains(x.Id))) - Mean(marked.Where(x => lower.Contains(x.Id))) : null;
            var options = item.Kind.IsChoice()
                ? item.Options.ToDictionary(o => o.Key, o => per.Count(x => x.Answer?.Response.Contains(o.Key) == true))
                : new Dictionary<string, int>();
            return new ItemStats(item.Id, item.Position, item.Kind.ToString(), item.Stem, item.Points,
                per.Count(x => x.Answer is not null && x.Answer.Response.Any(r => !string.IsNullOrWhiteSpace(r))), marked.Count, Mean(marked),
                discrimination is { } d ? Math.Round(d, 3) : null, options);
        }).ToList();
        var rows = attempts.Select(a => new AttemptRow(a.Id, a.StudentName, a.Number, a.Status.ToString(), a.SubmittedAt, a.Score, a.MaxScore, a.PendingMarks)).ToList();
        return new Result(QuizDto.Of(quiz), latest.Count, latest.Count == 0 ? null : Math.Round(latest.Average(a => a.Score), 2), items, rows);
    }

    public static async Task<Ok<Result>> EndpointAsync(AssessmentDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, id, ct));
}
