using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Analytics;

/// <summary>
/// 班级作业分析 for one class over one term, for its teachers and the school's administrators (by place). Every number
/// is computed here, once, rounded once (<see cref="Report.Round"/>); the page and the .xlsx export both print this
/// object, so they cannot disagree. Definitions (also in docs/homework.md):
/// - 应交 (assigned): the class's current students, plus anyone else who submitted;
/// - 完成率 (completion) = submitted / assigned; 按时率 (punctuality) = submitted on time / submitted;
/// - scores are 得分率 (score as a percentage of the assignment's maximum) of published marks only;
///   bands: 优秀 ≥ 90, 良好 80–90, 中等 70–80, 及格 60–70, 不及格 &lt; 60; mean and median of those percentages;
/// - 预警 (at risk), over the assignments already due in the term, by due date: the "recent" ones are the last 3,
///   the "earlier" ones all before. A student is at risk when (a) they missed at least 2 of the recent 3, or
///   (b) with earlier work to compare: recent completion is 30 points or more below earlier completion, or
///   (c) recent mean score is 15 points or more below the earlier mean (both with marked work).
/// </summary>
internal static class ClassAnalytics
{
    public static readonly string[] BandNames = ["优秀", "良好", "中等", "及格", "不及格"];

    public static async Task<Report> HandleAsync(HomeworkDbContext db, IOrganizationDirectory directory, IClassRoster roster, TimeProvider clock,
        Guid classId, string? termCode, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var place = await directory.FindClassAsync(classId, ct);
        if (place is null || !db.Actor.Scope.CanRead(place.Key with { ClassId = classId }))
        {
            throw new NotFoundException("未找到该班级");
        }
        var term = Term.Parse(termCode, now);
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.ClassId == classId && a.DueAt >= term.StartUtc && a.DueAt < term.EndUtc).OrderBy(a => a.DueAt).ToListAsync(ct);
        var ids = assignments.Select(a => a.Id).ToList();
        var submissions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.AssignmentId)).ToListAsync(ct);
        var students = (await roster.ListStudentsAsync(classId, ct)).Select(m => (m.AccountId, m.DisplayName)).ToList();
        students.AddRange(submissions.Where(s => students.All(m => m.AccountId != s.StudentId)).DistinctBy(s => s.StudentId).Select(s => (s.StudentId, s.StudentName)));
        var byAssignment = submissions.ToLookup(s => s.AssignmentId);

        var rows = assignments.Select(a => AssignmentRow(a, byAssignment[a.Id].ToList(), students.Count)).ToList();
        var percents = submissions.Where(s => s.Status == SubmissionStatus.Marked && s.Score is not null)
            .Select(s => Percent(s, assignments.First(a => a.Id == s.AssignmentId))).ToList();
        var total = new Row(null, "合计", null, rows.Sum(r => r.Assigned), rows.Sum(r => r.Submitted), rows.Sum(r => r.OnTime),
            Report.Rate(rows.Sum(r => r.Submitted), rows.Sum(r => r.Assigned)), Report.Rate(rows.Sum(r => r.OnTime), rows.Sum(r => r.Submitted)),
            percents.Count, Report.Round(Mean(percents)), Report.Round(Median(percents)), Bands(percents));
        var due = assignments.Where(a => a.DueAt <= now).ToList();
        var learners = students.OrderBy(s => s.DisplayName).Select(s => StudentRisk.Of(s.AccountId, s.DisplayName, assignments, due, submissions)).ToList();
        return new Report(classId, place.GradeName + place.Name, term.Code, term.Label, rows, total, learners);
    }

    private static Row AssignmentRow(Assignment a, List<Submission> subs, int assigned)
    {
        var marked = subs.Where(s => s.Status == SubmissionStatus.Marked && s.Score is not null).Select(s => Percent(s, a)).ToList();
        var onTime = subs.Count(s => !s.Late);
        return new Row(a.Id, a.Title, new DateTimeOffset(DateTime.SpecifyKind(a.DueAt, DateTimeKind.Utc)), assigned, subs.Count, onTime,
            Report.Rate(subs.Count, assigned), Report.Rate(onTime, subs.Count), marked.Count, Report.Round(Mean(marked)), Report.Round(Median(marked)), Bands(marked));
    }

    public static double Percent(Submission s, Assignment a) => a.MaxScore > 0 ? s.Score!.Value * 100 / a.MaxScore : 0;

    public static double? Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? null : values.Average();

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int[] Bands(IEnumerable<double> percents)
    {
        var bands = new int[5];
        foreach (var p in percents)
        {
            bands[p >= 90 ? 0 : p >= 80 ? 1 : p >= 70 ? 2 : p >= 60 ? 3 : 4]++;
        }
        return bands;
    }

    public static async Task<Ok<Report>> EndpointAsync(HomeworkDbContext db, IOrganizationDirectory directory, IClassRoster roster, TimeProvider clock,
        Guid classId, string? term, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, directory, roster, clock, classId, term, ct));
}
