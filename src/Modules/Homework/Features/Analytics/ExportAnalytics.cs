using ClosedXML.Excel;
using EduCloud.Homework.Data;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Homework.Features.Analytics;

/// <summary>
/// The class analytics as .xlsx with Chinese headers: sheet 作业 (one row per assignment, then 合计) and sheet 学生,
/// written from the same <see cref="Report"/> the page prints, with the same rounding, so the numbers are the same.
/// </summary>
internal static class ExportAnalytics
{
    public static readonly string[] AssignmentHeaders =
        ["作业", "截止时间", "应交", "已交", "按时", "完成率%", "按时率%", "已批改", "平均得分率%", "中位得分率%", .. ClassAnalytics.BandNames];

    public static readonly string[] StudentHeaders = ["学生", "作业数", "已交", "完成率%", "按时交", "平均得分率%", "预警", "原因"];

    public static byte[] Write(Report report)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("作业");
        Header(sheet, AssignmentHeaders);
        var r = 2;
        foreach (var row in report.Assignments.Append(report.Total))
        {
            object?[] cells = [row.Title, row.DueAt is { } due ? Due(due) : "", row.Assigned, row.Submitted, row.OnTime, row.Completion, row.Punctuality,
                row.Marked, row.MeanPercent, row.MedianPercent, .. row.Bands.Cast<object?>()];
            Fill(sheet, r++, cells);
        }
        var students = book.Worksheets.Add("学生");
        Header(students, StudentHeaders);
        r = 2;
        foreach (var s in report.Students)
        {
            Fill(students, r++, [s.Name, s.Assigned, s.Submitted, s.Completion, s.OnTime, s.MeanPercent, s.AtRisk ? "是" : "否", s.Reasons]);
        }
        sheet.Columns().AdjustToContents();
        students.Columns().AdjustToContents();
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The due time as the page writes it (China time).</summary>
    public static string Due(DateTimeOffset due) => due.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static void Header(IXLWorksheet sheet, string[] headers)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
    }

    private static void Fill(IXLWorksheet sheet, int row, object?[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            switch (cells[c])
            {
                case null:
                    break;
                case string text:
                    // Text stays text: a title like "0315" or "=1+1" must not become a number or a formula.
                    cell.SetValue(text);
                    cell.DataType = XLDataType.Text;
                    break;
                case int n:
                    cell.Value = n;
                    break;
                case double d:
                    cell.Value = d;
                    break;
            }
        }
    }

    public static async Task<FileContentHttpResult> EndpointAsync(HomeworkDbContext db, IOrganizationDirectory directory, IClassRoster roster, TimeProvider clock,
        Guid classId, string? term, CancellationToken ct)
    {
        var report = await ClassAnalytics.HandleAsync(db, directory, roster, clock, classId, term, ct);
        return TypedResults.File(Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"作业分析-{report.ClassName}-{report.TermCode}.xlsx");
    }
}
