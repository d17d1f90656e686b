using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Mastery;

/// <summary>
/// 知识点掌握 for one class, for its teachers and the school's administrators (by place). Every number is computed here
/// once, rounded once; the page and the .xlsx export both print this object, so they cannot disagree. Definitions (also
/// in docs/assessment.md):
/// - the evidence is each student's latest submitted attempt of every self-test assigned to the class;
/// - an item counts towards each knowledge point it is tagged with; 掌握率 = points earned ÷ points possible × 100 over
///   those items, an unanswered item earning 0 and a short answer not yet marked left out (it is not evidence yet);
/// - 班级 is the same ratio over all the class's evidence (not a mean of students' percentages);
/// - 薄弱 (weak): a student's point below <see cref="WeakBelow"/> % with at least <see cref="MinimumEvidence"/> points possible.
/// </summary>
internal static class ClassMastery
{
    public const double WeakBelow = 60;
    public const int MinimumEvidence = 2;

    public sealed record Score(double? Percent, decimal Earned, int Possible);

    public sealed record StudentRow(Guid StudentId, string Name, IReadOnlyList<Score> Points, IReadOnlyList<string> Weak);

    public sealed record Report(Guid ClassId, string ClassName, int Quizzes, IReadOnlyList<string> KnowledgePoints, IReadOnlyList<Score> Class,
        IReadOnlyList<StudentRow> Students);

    public static async Task<Report> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, IClassRoster roster, Guid classId, CancellationToken ct)
    {
        var place = await directory.FindClassAsync(classId, ct);
        if (place is null || !db.Actor.Scope.CanRead(place.Key with { ClassId = classId }))
        {
            throw new NotFoundException("未找到该班级");
        }
        var quizIds = await db.QuizClasses.AsNoTracking().Where(c => c.ClassId == classId).Select(c => c.QuizId).Distinct().ToListAsync(ct);
        var items = await db.QuizItems.AsNoTracking().Where(i => quizIds.Contains(i.QuizId)).ToListAsync(ct);
        var tagged = items.Where(i => i.KnowledgePoints.Count > 0).ToDictionary(i => i.Id);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(a => quizIds.Contains(a.QuizId) && a.ClassId == classId && a.Status != AttemptStatus.InProgress).ToListAsync(ct);
        var latest = attempts.GroupBy(a => (a.StudentId, a.QuizId)).Select(g => g.MaxBy(a => a.Number)!).ToList();
        var latestIds = latest.Select(a => a.Id).ToList();
        var answers = (await db.Answers.AsNoTracking().Where(a => latestIds.Contains(a.AttemptId)).ToListAsync(ct))
            .ToDictionary(a => (a.AttemptId, a.QuizItemId));
        var points = tagged.Values.SelectMany(i => i.KnowledgePoints).Distinct().Order(StringComparer.Ordinal).ToList();

        // (student, point) → earned and possible, from every tagged item of every latest attempt.
        var tally = new Dictionary<(Guid Student, string Point), (decimal Earned, int Possible)>();
        foreach (var attempt in latest)
        {
            foreach (var item in tagged.Values.Where(i => i.QuizId == attempt.QuizId))
            {
                var answer = answers.GetValueOrDefault((attempt.Id, item.Id));
                if (answer is not null && answer.Score is null)
                {
                    continue;
                }
                foreach (var point in item.KnowledgePoints.Distinct())
                {
                    var (earned, possible) = tally.GetValueOrDefault((attempt.StudentId, point));
                    tally[(attempt.StudentId, point)] = (earned + (answer?.Score ?? 0), possible + item.Points);
                }
            }
        }
        var students = (await roster.ListStudentsAsync(classId, ct)).Select(m => (Id: m.AccountId, Name: m.DisplayName)).ToList();
        students.AddRange(latest.Where(a => students.All(s => s.Id != a.StudentId)).DistinctBy(a => a.StudentId).Select(a => (a.StudentId, a.StudentName)));
        var rows = students.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
        {
            var scores = points.Select(p => Of(tally.GetValueOrDefault((s.Id, p)))).ToList();
            var weak = points.Where((p, i) => scores[i].Percent < WeakBelow && scores[i].Possible >= MinimumEvidence).ToList();
            return new StudentRow(s.Id, s.Name, scores, weak);
        }).ToList();
        var whole = points.Select(p => Of(tally.Where(t => t.Key.Point == p).Aggregate((0m, 0), (sum, t) => (sum.Item1 + t.Value.Earned, sum.Item2 + t.Value.Possible)))).ToList();
        return new Report(classId, place.GradeName + place.Name, quizIds.Count, points, whole, rows);
    }

    /// <summary>The one rounding: one decimal place, away from zero; no evidence gives no percentage.</summary>
    private static Score Of((decimal Earned, int Possible) t) =>
        new(t.Possible == 0 ? null : Math.Round((double)(t.Earned * 100 / t.Possible), 1, MidpointRounding.AwayFromZero), t.Earned, t.Possible);

    public static async Task<Ok<Report>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, IClassRoster roster, Guid classId, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, roster, classId, ct));
}
