using EduCloud.Kernel.Codes;
using EduCloud.Students.Contracts;

namespace EduCloud.Monitoring.OpenData;

/// <summary>
/// 各县（区）学校数与分学段在校生数: per county, the schools with enrolled students and the enrolled students by
/// stage with the county's total; the last row totals every county. Student cells go through small-number
/// suppression (the school count is not a count of people).
/// </summary>
internal static class BuildStudentsByCounty
{
    public const string Id = "students-by-stage";

    public static async Task<OpenTable> BuildAsync(IStudentCensus census, Func<IReadOnlyCollection<string>, Task<IReadOnlyDictionary<string, string>>> names,
        DateOnly today, CancellationToken ct)
    {
        var counts = new Dictionary<(string County, Stage Stage), long>();
        var schools = new Dictionary<string, HashSet<Guid>>();
        await foreach (var cell in census.ReadAllAsync(ct))
        {
            if (cell.Status != CensusStatus.Enrolled || cell.Students == 0)
            {
                continue;
            }
            counts[(cell.CountyCode, cell.Stage)] = counts.GetValueOrDefault((cell.CountyCode, cell.Stage)) + cell.Students;
            (schools.TryGetValue(cell.CountyCode, out var set) ? set : schools[cell.CountyCode] = []).Add(cell.SchoolId);
        }
        var stages = counts.Keys.Select(k => k.Stage).Distinct().Order().ToList();
        var counties = schools.Keys.Order(StringComparer.Ordinal).ToList();
        var grid = new long[counties.Count + 1, stages.Count + 1];
        for (var r = 0; r < counties.Count; r++)
        {
            for (var c = 0; c < stages.Count; c++)
            {
                var n = counts.GetValueOrDefault((counties[r], stages[c]));
                grid[r, c] = n;
                grid[r, stages.Count] += n;
                grid[counties.Count, c] += n;
                grid[counties.Count, stages.Count] += n;
            }
        }
        var marks = SmallNumberSuppression.Apply(grid);
        var regionNames = await names(counties);
        var rows = new List<OpenRow>();
        for (var r = 0; r <= counties.Count; r++)
        {
            var values = new List<double?> { r < counties.Count ? schools[counties[r]].Count : schools.Values.Sum(s => s.Count) };
            var flags = new List<string?> { null };
            for (var c = 0; c <= stages.Count; c++)
            {
                values.Add(marks[r, c] == Suppressed.No ? grid[r, c] : null);
                flags.Add(marks[r, c] switch { Suppressed.Small => "small", Suppressed.Secondary => "secondary", _ => null });
            }
            rows.Add(r < counties.Count ? new OpenRow(counties[r], regionNames.GetValueOrDefault(counties[r], counties[r]), values, flags) : new OpenRow("", "合计", values, flags));
        }
        var columns = new List<OpenColumn> { new("schools", "有在校生的学校数", "所", false) };
        columns.AddRange(stages.Select(s => new OpenColumn(s.ToString().ToLowerInvariant(), StageName(s) + "在校生数", "人", true)));
        columns.Add(new OpenColumn("students", "在校生合计", "人", true));
        return new OpenTable(Id, "各县（区）学校数与分学段在校生数",
            "按县（区）汇总的有在校生的学校数和各学段在校学生数（学籍状态为在籍），来自全国中小学生学籍数据的实时汇总。",
            OpenDataCatalogue.Licence, OpenDataCatalogue.LicenceUrl, today, columns, rows, OpenDataCatalogue.SuppressionNote);
    }

    public static string StageName(Stage stage) => stage switch
    {
        Stage.Preschool => "学前教育",
        Stage.Primary => "小学",
        Stage.Junior => "初中",
        Stage.Senior => "高中",
        Stage.Vocational => "中职",
        Stage.Higher => "高等教育",
        _ => "特殊教育",
    };
}
