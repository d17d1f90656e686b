using ClosedXML.Excel;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Statistics.Rollup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Statistics.Features;

/// <summary>The 生师比 table of <see cref="ReadPupilTeacherRatios"/> as .xlsx; a node without teachers shows "—".</summary>
internal static class ExportPupilTeacherRatios
{
    public static byte[] ToWorkbook(RatioStatisticsDto stats)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("生师比");
        sheet.Cell(1, 1).Value = $"{stats.Node.Name} 生师比";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        string[] headers = ["单位", "在籍学生", "在岗教师", "生师比"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(3, i + 1).Value = headers[i];
            sheet.Cell(3, i + 1).Style.Font.Bold = true;
        }
        var row = 3;
        foreach (var (name, f) in stats.Children.Select(c => (c.Name, c.Figures)).Prepend(("合计", stats.Totals)))
        {
            row++;
            sheet.Cell(row, 1).Value = name;
            sheet.Cell(row, 2).Value = f.Students;
            sheet.Cell(row, 3).Value = f.Teachers;
            if (f.Ratio is { } ratio)
            {
                sheet.Cell(row, 4).Value = ratio;
            }
            else
            {
                sheet.Cell(row, 4).Value = "—";
            }
        }
        sheet.Column(1).Width = 28;
        sheet.Columns(2, 4).Width = 12;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static async Task<FileContentHttpResult> EndpointAsync(RollupCube<StudentPopulation> students, RollupCube<TeacherPopulation> teachers,
        IOrganizationDirectory org, ICurrentActor actor, AuditTrail audit, string? node, CancellationToken ct)
    {
        var stats = await ReadPupilTeacherRatios.HandleAsync(students, teachers, org, actor, audit, node, ct);
        return TypedResults.File(ToWorkbook(stats), ExportStudentStatistics.ContentType, $"生师比-{stats.Node.Key}.xlsx");
    }
}
