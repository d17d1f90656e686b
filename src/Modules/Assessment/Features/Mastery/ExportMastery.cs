using ClosedXML.Excel;
using EduCloud.Assessment.Data;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Assessment.Features.Mastery;

/// <summary>
/// The class's knowledge-point mastery as .xlsx (sheet 知识点掌握): one row per student, one column per knowledge point
/// (掌握率 %, empty without evidence), then 薄弱知识点, and a last row 班级. Written from the same <see cref="ClassMastery.Report"/>
/// as the page, so the numbers are the same.
/// </summary>
internal static class ExportMastery
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ClassMastery.Report report)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("知识点掌握");
        string[] headers = ["学生", .. report.KnowledgePoints, "薄弱知识点"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
            sheet.Cell(1, c + 1).DataType = XLDataType.Text;
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var s in report.Students)
        {
            Row(sheet, r++, s.Name, s.Points, string.Join("、", s.Weak));
        }
        Row(sheet, r, "班级", report.Class, "");
        sheet.Columns().AdjustToContents();
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Row(IXLWorksheet sheet, int row, string name, IReadOnlyList<ClassMastery.Score> scores, string weak)
    {
        // Names stay text: a name like "=1+1" must not become a formula.
        sheet.Cell(row, 1).SetValue(name);
        sheet.Cell(row, 1).DataType = XLDataType.Text;
        for (var c = 0; c < scores.Count; c++)
        {
            if (scores[c].Percent is { } percent)
            {
                sheet.Cell(row, c + 2).Value = percent;
            }
        }
        sheet.Cell(row, scores.Count + 2).SetValue(weak);
        sheet.Cell(row, scores.Count + 2).DataType = XLDataType.Text;
    }

    public static async Task<FileContentHttpResult> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, IClassRoster roster, Guid classId, CancellationToken ct)
    {
        var report = await ClassMastery.HandleAsync(db, directory, roster, classId, ct);
        return TypedResults.File(Write(report), ContentType, $"知识点掌握-{report.ClassName}.xlsx");
    }
}
