using ClosedXML.Excel;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Statistics.Features;

/// <summary>The same table as <see cref="ReadStudentStatistics"/>, as an .xlsx workbook with Chinese headers.</summary>
internal static class ExportStudentStatistics
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] ToWorkbook(StudentStatisticsDto stats)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("学生统计");
        sheet.Cell(1, 1).Value = $"{stats.Node.Name} 学生统计（按{stats.ByTitle}）";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var row = 3;
        row = Table(sheet, row, "合计", [("全部在籍学生", stats.Totals)]);
        row = Table(sheet, row + 1, stats.ByTitle, stats.Breakdown.Select(b => (b.Label, b.Figures)));
        if (stats.Children.Count > 0)
        {
            Table(sheet, row + 1, "下级单位", stats.Children.Select(c => (c.Name, c.Figures)));
        }
        // Fixed widths: ClosedXML 0.95's AdjustToContents measures text through libgdiplus, which servers lack.
        sheet.Column(1).Width = 28;
        sheet.Columns(2, 5).Width = 12;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static async Task<FileContentHttpResult> EndpointAsync(RollupCube<StudentPopulation> cube, IOrganizationDirectory org, ICurrentActor actor,
        AuditTrail audit, string? node, string? by, CancellationToken ct)
    {
        var stats = await ReadStudentStatistics.HandleAsync(cube, org, actor, audit, node, by, ct);
        return TypedResults.File(ToWorkbook(stats), ContentType, $"学生统计-{stats.Node.Key}-{stats.By}.xlsx");
    }

    private static int Table(IXLWorksheet sheet, int row, string firstHeader, IEnumerable<(string Label, StudentFiguresDto Figures)> rows)
    {
        string[] headers = [firstHeader, "学生数", "留守儿童", "随迁子女", "残疾学生"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(row, i + 1).Value = headers[i];
            sheet.Cell(row, i + 1).Style.Font.Bold = true;
        }
        foreach (var (label, f) in rows)
        {
            row++;
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 2).Value = f.Students;
            sheet.Cell(row, 3).Value = f.LeftBehind;
            sheet.Cell(row, 4).Value = f.Migrant;
            sheet.Cell(row, 5).Value = f.Disabled;
        }
        return row + 1;
    }
}
