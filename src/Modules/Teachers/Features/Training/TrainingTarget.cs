using EduCloud.Teachers.Domain;

namespace EduCloud.Teachers.Features.Training;

public sealed record YearHours(int Year, int Hours);

/// <summary>A teacher's IT-application training against the target: hours per year, hours in the cycle, met or not.</summary>
public sealed record TrainingSummary(int CycleFrom, int CycleTo, int CycleHours, int TargetHours, bool TargetMet, IReadOnlyList<YearHours> PerYear);

/// <summary>
/// The training target of 教师信息技术应用能力提升工程 2.0: 教育部《关于实施全国中小学教师信息技术应用能力提升工程2.0的意见》
/// (教师〔2019〕1号) asks each teacher to complete no fewer than 50 学时 of IT-application training within the 5-year
/// teacher-training cycle (中小学教师每五年一周期的全员培训). We count the cycle as the five calendar years ending with the
/// year asked about (e.g. 2022-2026 for 2026): a rolling window, because teachers' cycles do not start together.
/// </summary>
internal static class TrainingTarget
{
    public const int TargetHours = 50;
    public const int CycleYears = 5;

    public static TrainingSummary Summarize(IEnumerable<TrainingRecord> records, int year)
    {
        var from = year - CycleYears + 1;
        var perYear = records.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(g => new YearHours(g.Key, g.Sum(r => r.Hours))).ToList();
        var cycle = perYear.Where(y => y.Year >= from && y.Year <= year).Sum(y => y.Hours);
        return new TrainingSummary(from, year, cycle, TargetHours, cycle >= TargetHours, perYear);
    }
}
