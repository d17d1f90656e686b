using ClosedXML.Excel;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Statistics.Features;

/// <summary>The same table as <see cref="ReadTeacherStatistics"/>, as an .xlsx workbook with Chinese headers.</summary>
internal static class ExportTeacherStatistics
{
    public static byte[] ToWorkbook(TeacherStatisticsDto stats)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("教师统计");
        sheet.Cell(1, 1).Value = $"{stats.Node.Name} 教师统计（按{stats.ByTitle}）";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var row = Table(sheet, 3, "合计", [("全部在岗教师", stats.Teachers)]);
        row = Table(sheet, row + 1, stats.ByTitle, stats.Breakdown.Select(b => (b.Label, b.Teachers)));
        if (stats.Children.Count > 0)
        {
            Table(sheet, row + 1, "下级单位", stats.Children.Select(c => (c.Name, c.Teachers)));
        }
        // Fixed widths: ClosedXML 0.95's AdjustToContents needs libgdiplus, which servers lack.
        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 12;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static async Task<FileContentHttpResult> EndpointAsync(RollupCube<TeacherPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct)
    {
        var stats = await ReadTeacherStatistics.HandleAsync(cube, org, actor, audit, node, by, ct);
        return TypedResults.File(ToWorkbook(stats), ExportStudentStatistics.ContentType, $"教师统计-{stats.Node.Key}-{stats.By}.xlsx");
    }

    private static int Table(IXLWorksheet sheet, int row, string firstHeader, IEnumerable<(string Label, int Teachers)> rows)
    {
        sheet.Cell(row, 1).Value = firstHeader;
        sheet.Cell(row, 2).Value = "教师数";
        sheet.Range(row, 1, row, 2).Style.Font.Bold = true;
        foreach (var (label, teachers) in rows)
        {
            row++;
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 2).Value = teachers;
        }
        return row + 1;
    }
}
