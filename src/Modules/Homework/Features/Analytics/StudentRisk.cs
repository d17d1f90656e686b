using EduCloud.Homework.Domain;

namespace EduCloud.Homework.Features.Analytics;

/// <summary>预警: the at-risk rule of <see cref="ClassAnalytics"/> for one student, with the reasons in words.</summary>
internal static class StudentRisk
{
    public const int Recent = 3;
    public const double CompletionDrop = 30;
    public const double ScoreDrop = 15;

    public static StudentRow Of(Guid student, string name, List<Assignment> all, List<Assignment> due, List<Submission> submissions)
    {
        var mine = submissions.Where(s => s.StudentId == student).ToDictionary(s => s.AssignmentId);
        var submitted = all.Count(a => mine.ContainsKey(a.Id));
        var onTime = all.Count(a => mine.TryGetValue(a.Id, out var s) && !s.Late);
        var marked = Percents(all, mine);
        var recent = due.TakeLast(Recent).ToList();
        var earlier = due.Take(Math.Max(0, due.Count - Recent)).ToList();
        var reasons = new List<string>();
        var missedRecent = recent.Count(a => !mine.ContainsKey(a.Id));
        if (missedRecent >= 2)
        {
            reasons.Add($"最近{recent.Count}次作业未交{missedRecent}次");
        }
        if (earlier.Count > 0)
        {
            var before = Completion(earlier, mine);
            var now = Completion(recent, mine);
            if (before - now >= CompletionDrop)
            {
                reasons.Add($"完成率下降（{Report.Text(Report.Round(before))}→{Report.Text(Report.Round(now))}）");
            }
            var scoreBefore = ClassAnalytics.Mean(Percents(earlier, mine));
            var scoreNow = ClassAnalytics.Mean(Percents(recent, mine));
            if (scoreBefore is { } b && scoreNow is { } n && b - n >= ScoreDrop)
            {
                reasons.Add($"得分率下降（{Report.Text(Report.Round(b))}→{Report.Text(Report.Round(n))}）");
            }
        }
        return new StudentRow(student, name, all.Count, submitted, Report.Rate(submitted, all.Count), onTime, Report.Round(ClassAnalytics.Mean(marked)),
            reasons.Count > 0, string.Join("；", reasons));
    }

    private static double Completion(List<Assignment> assignments, Dictionary<Guid, Submission> mine) =>
        assignments.Count == 0 ? 0 : assignments.Count(a => mine.ContainsKey(a.Id)) * 100.0 / assignments.Count;

    private static List<double> Percents(List<Assignment> assignments, Dictionary<Guid, Submission> mine) =>
        assignments.Where(a => mine.TryGetValue(a.Id, out var s) && s.Status == SubmissionStatus.Marked && s.Score is not null)
            .Select(a => ClassAnalytics.Percent(mine[a.Id], a)).ToList();
}
