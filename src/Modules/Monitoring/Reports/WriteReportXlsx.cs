using ClosedXML.Excel;

namespace EduCloud.Monitoring.Reports;

/// <summary>
/// The report as .xlsx: the same figures as numbers (shares as fractions with a % format, averages unrounded, so a
/// bureau can compute with them), the charts as pictures, one sheet per section. The list of schools below target is
/// one sheet per sub-region (a province at national scope), split further at <c>rowsPerSheet</c>: ClosedXML makes the
/// small sheets and the empty list sheets (header, widths, frozen row), then StreamBelowTargetSheets copies that
/// workbook into the output and streams the rows into the list sheets (ADR 0017), so memory does not grow with them.
/// </summary>
internal static class WriteReportXlsx
{
    public const string IndicatorSheet = "指标达标情况";
    public const string RankingSheet = "下级单位排名";
    public const string DistributionSheet = "指标分布";
    /// <summary>The list's sheet below a county (one group); larger scopes name a sheet per sub-region "未达标学校-贵阳市".</summary>
    public const string BelowSheet = "未达标学校";
    public const string BelowSheetPrefix = "未达标学校";
    /// <summary>Rows per list sheet: Excel's 1,048,576 less the header, rounded down.</summary>
    public const int DefaultRowsPerSheet = 1_000_000;
    private static readonly string[] BelowHeader = ["学校", "所属区县", "指标", "数值", "目标（不低于）", "单位"];
    private static readonly int[] BelowWidths = [36, 14, 26, 12, 14, 12];

    public static void Run(InspectionReport report, ReportFonts fonts, Stream output, int rowsPerSheet = DefaultRowsPerSheet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 1);
        using var book = new XLWorkbook();
        var cover = book.AddWorksheet("概况");
        Rows(cover, ["项目", "内容"], [
            ["报告", report.Title], ["督导范围", report.NodeName], ["报告年度", report.Year], ["纳入统计的学校数", report.Schools],
            ["生成时间（UTC）", report.GeneratedAt], ["说明", "数值来自该年度经县、市、省三级审核通过的年报；达标率 = 达标学校数 ÷ 有国家目标的学校数"],
        ], [18, 80]);

        Rows(book.AddWorksheet(IndicatorSheet), ["指标代码", "指标", "国家目标", "有数值学校", "有目标学校", "达标学校", "达标率", "平均值", "单位"],
            report.Indicators.Select(l => new object?[]
            {
                l.Key, l.Name, l.TargetText, l.WithValue, l.WithTarget, l.Met, Number(l.ShareMet), Number(l.Average), l.Display == "percent" ? "比例" : l.Unit,
            }), [18, 26, 40, 12, 12, 10, 10, 12, 12], percentColumn: 7);

        var ranking = book.AddWorksheet(RankingSheet);
        ranking.Cell(1, 1).Value = DrawReportCharts.RankingTitle(report);
        Rows(ranking, ["排名", "单位代码", "单位", "学校数", "有目标学校", "达标学校", "达标率", "平均值"],
            report.Ranking.Select(r => new object?[] { r.Rank, r.Key, r.Name, r.Schools, r.WithTarget, r.Met, Number(r.ShareMet), Number(r.Average) }),
            [8, 38, 26, 10, 12, 10, 10, 12], percentColumn: 7, firstRow: 2);
        var bars = Math.Min(report.Ranking.Count, DrawReportCharts.MaxBars);
        Picture(ranking, DrawReportCharts.Png(640, Math.Max(60, bars * 16 + 40), (c, a) => DrawReportCharts.Ranking(c, a, report, fonts)), 10);

        var distribution = book.AddWorksheet(DistributionSheet);
        distribution.Cell(1, 1).Value = DrawReportCharts.DistributionTitle(report);
        Rows(distribution, ["区间下限", "区间上限", "学校数"], report.Distribution.Select(b => new object?[] { b.From, b.To, b.Schools }), [12, 12, 10], firstRow: 2);
        Picture(distribution, DrawReportCharts.Png(640, 240, (c, a) => DrawReportCharts.Distribution(c, a, report, fonts)), 5);

        var sheets = BelowSheets(report.Below, rowsPerSheet);
        foreach (var sheet in sheets.Select(s => s.Sheet).DefaultIfEmpty(BelowSheet))
        {
            Rows(book.AddWorksheet(sheet), BelowHeader, [], BelowWidths);
        }
        using var workbook = new MemoryStream();
        book.SaveAs(workbook);
        StreamBelowTargetSheets.Run(workbook, sheets, report.Below, output);
    }

    /// <summary>The list's sheets: one per group, and more where a group has over <paramref name="rowsPerSheet"/> rows.</summary>
    private static List<BelowSheetPlan> BelowSheets(BelowTargetList below, int rowsPerSheet)
    {
        var sheets = new List<BelowSheetPlan>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in below.Groups)
        {
            var name = below.BySubRegion ? SheetName(group, used) : BelowSheet;
            for (var (skip, part) = (0, 1); skip < group.Count; skip += rowsPerSheet, part++)
            {
                var suffix = part == 1 ? "" : $"({part})";
                var sheet = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix; // Excel: at most 31 characters
                used.Add(sheet);
                sheets.Add(new BelowSheetPlan(sheet, group, skip, Math.Min(rowsPerSheet, group.Count - skip)));
            }
        }
        return sheets;
    }

    private static string SheetName(BelowTargetGroup group, HashSet<string> used)
    {
        var name = BelowSheetPrefix + "-" + string.Concat(group.Name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')));
        return used.Contains(name) || name.Length > 26 ? BelowSheetPrefix + "-" + group.Key : name;
    }

    private static object? Number(double? value) => value;

    private static void Rows(IXLWorksheet sheet, string[] header, IEnumerable<object?[]> rows, int[] widths, int percentColumn = 0, int firstRow = 1)
    {
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(firstRow, c + 1).Value = header[c];
            sheet.Column(c + 1).Width = widths[c];
        }
        sheet.Row(firstRow).Style.Font.Bold = true;
        var r = firstRow;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } value)
                {
                    sheet.Cell(r, c + 1).Value = value;
                }
            }
        }
        if (percentColumn > 0 && r > firstRow)
        {
            sheet.Range(firstRow + 1, percentColumn, r, percentColumn).Style.NumberFormat.Format = "0.0%";
        }
        sheet.SheetView.FreezeRows(firstRow);
    }

    private static void Picture(IXLWorksheet sheet, byte[] png, int column)
    {
        using var stream = new MemoryStream(png);
        sheet.AddPicture(stream).MoveTo(sheet.Cell(2, column)).Scale(0.5);
    }
}
