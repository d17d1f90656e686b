using System.Globalization;
using SkiaSharp;

namespace EduCloud.Monitoring.Reports;

/// <summary>
/// The report as PDF through Skia's PDF backend: A4 pages laid out by hand, charts as vectors, both fonts embedded as
/// CID TrueType subsets with ToUnicode maps (ADR 0012), so Chinese renders anywhere and pdftotext reads it back.
/// </summary>
internal static class WriteReportPdf
{
    /// <summary>Below-target rows the PDF lists by default (ReportOptions.PdfListLimit); the .xlsx lists them all.</summary>
    public const int DefaultListLimit = 5_000;

    public static void Run(InspectionReport report, ReportFonts fonts, Stream output, int listLimit = DefaultListLimit)
    {
        using var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = report.Title,
            Subject = "教育信息化专项督导报告",
            Creator = "EduCloud",
            Creation = report.GeneratedAt,
        });
        using var pager = new PdfPager(document, fonts, report.Title);
        Cover(pager, report);
        pager.Heading("一、主要指标达标情况");
        pager.Table([("指标", 118), ("国家目标", 162), ("有目标", 50), ("达标", 44), ("达标率", 40), ("平均值", 85)],
            report.Indicators.Select(l => new[]
            {
                l.Name, l.TargetText, Count(l.WithTarget), Count(l.Met), InspectionReport.Share(l.ShareMet), InspectionReport.Format(l.Display, l.Unit, l.Average),
            }), wrap: true);
        pager.Heading("二、" + DrawReportCharts.RankingTitle(report));
        var bars = Math.Min(report.Ranking.Count, DrawReportCharts.MaxBars);
        pager.Chart(Math.Max(40, bars * 16 + 24), (canvas, area) => DrawReportCharts.Ranking(canvas, area, report, fonts));
        pager.Table([("排名", 35), ("单位", 190), ("学校数", 50), ("达标/有目标", 70), ("达标率", 60), ("平均值", 94)],
            report.Ranking.Select(r => new[]
            {
                Count(r.Rank), r.Name, Count(r.Schools), $"{r.Met}/{r.WithTarget}", InspectionReport.Share(r.ShareMet),
                InspectionReport.Format(report.Ranked.Display, report.Ranked.Unit, r.Average),
            }));
        pager.Heading("三、" + DrawReportCharts.DistributionTitle(report));
        pager.Paragraph($"国家目标：{report.Ranked.TargetText}。横轴为数值区间的下限，柱上数字为学校数。");
        pager.Chart(200, (canvas, area) => DrawReportCharts.Distribution(canvas, area, report, fonts));
        pager.Heading($"四、未达标学校名单（共 {report.Below.Count:N0} 项）");
        if (report.Below.Count == 0)
        {
            pager.Paragraph("所有学校均达到有国家目标的各项指标。");
        }
        else if (report.Below.Count > listLimit)
        {
            pager.Paragraph($"本报告仅列出前 {listLimit:N0} 项，完整名单见同一报告的 Excel 文件（“{WriteReportXlsx.BelowSheetPrefix}”开头的工作表）。");
        }
        pager.Table([("学校", 140), ("所属区县", 75), ("指标", 118), ("数值", 80), ("目标", 86)],
            report.Below.Rows().Take(listLimit).Select(b => new[]
            {
                b.School, b.County, b.Indicator, InspectionReport.Format(b.Display, b.Unit, b.Value), "≥" + InspectionReport.Format(b.Display, b.Unit, b.Target),
            }));
        pager.Finish();
        document.Close();
    }

    private static void Cover(PdfPager pager, InspectionReport report)
    {
        pager.Title(report.Title);
        pager.Paragraph($"督导范围：{report.NodeName}");
        pager.Paragraph($"报告年度：{report.Year}年");
        pager.Paragraph($"纳入统计的学校：{report.Schools:N0} 所（该年度年报已经县、市、省三级审核通过）");
        pager.Paragraph($"生成时间：{report.GeneratedAt.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}（北京时间）");
        pager.Paragraph("依据：教育信息化“三通两平台”国家目标（宽带接入、班均出口带宽、多媒体教学设备、无线网络覆盖、教师信息技术应用能力培训）。");
        pager.Gap(8);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>Pages, a running header and page numbers, headings, paragraphs, tables that continue across pages.</summary>
internal sealed class PdfPager(SKDocument document, ReportFonts fonts, string title) : IDisposable
{
    private const float Width = 595, Height = 842, Margin = 48, Row = 15;
    private readonly TextStyle _body = fonts.Style(9.5f);
    private readonly TextStyle _heading = fonts.Style(13);
    private readonly TextStyle _title = fonts.Style(19);
    private readonly TextStyle _small = fonts.Style(8);
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _muted = new() { Color = SKColors.Gray, IsAntialias = true };
    private readonly SKPaint _shade = new() { Color = new SKColor(0xee, 0xf2, 0xf7) };
    private readonly SKPaint _rule = new() { Color = new SKColor(0xcc, 0xcc, 0xcc), StrokeWidth = 0.5f };
    private SKCanvas? _canvas;
    private int _page;
    private float _y;

    public void Title(string text)
    {
        Ensure(60);
        _title.DrawCentred(Canvas, text, Width / 2, _y + 40, _ink);
        _y += 70;
    }

    public void Heading(string text)
    {
        Ensure(Row * 4);
        _y += 8;
        _heading.Draw(Canvas, _heading.Fit(text, Width - 2 * Margin), Margin, _y + 13, _ink);
        _y += 22;
    }

    public void Paragraph(string text)
    {
        foreach (var line in _body.Wrap(text, Width - 2 * Margin))
        {
            Ensure(Row);
            _body.Draw(Canvas, line, Margin, _y + 11, _ink);
            _y += Row + 2;
        }
    }

    public void Gap(float height) => _y += height;

    public void Chart(float height, Action<SKCanvas, SKRect> draw)
    {
        Ensure(height);
        draw(Canvas, new SKRect(Margin, _y, Width - Margin, _y + height));
        _y += height + 6;
    }

    /// <summary>A table; the header row is repeated on every page the table runs onto.</summary>
    /// <summary>With <paramref name="wrap"/>, a cell too long for its column takes more lines; otherwise it is cut with "…".</summary>
    public void Table(IReadOnlyList<(string Header, float Width)> columns, IEnumerable<string[]> rows, bool wrap = false)
    {
        Ensure(Row * 2);
        Header(columns);
        foreach (var row in rows)
        {
            var lines = wrap ? row.Select((cell, i) => _body.Wrap(cell, columns[i].Width - 4).ToList()).ToList() : null;
            var height = Row + (lines is null ? 0 : (lines.Max(l => l.Count) - 1) * (Row - 3));
            if (_y + height > Height - Margin)
            {
                NewPage();
                Header(columns);
            }
            if (lines is null)
            {
                Cells(columns, row, _body);
            }
            else
            {
                for (var line = 0; line < lines.Max(l => l.Count); line++)
                {
                    Cells(columns, lines.Select(l => line < l.Count ? l[line] : "").ToArray(), _body, line * (Row - 3));
                }
            }
            Canvas.DrawLine(Margin, _y + height, Width - Margin, _y + height, _rule);
            _y += height;
        }
        _y += 6;
    }

    public void Finish() => EndPage();

    private void Header(IReadOnlyList<(string Header, float Width)> columns)
    {
        Canvas.DrawRect(Margin, _y, columns.Sum(c => c.Width), Row, _shade);
        Cells(columns, columns.Select(c => c.Header).ToArray(), _body);
        _y += Row;
    }

    private void Cells(IReadOnlyList<(string Header, float Width)> columns, string[] cells, TextStyle style, float down = 0)
    {
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            style.Draw(Canvas, style.Fit(cells[i], columns[i].Width - 4), x + 2, _y + 11 + down, _ink);
            x += columns[i].Width;
        }
    }

    private SKCanvas Canvas => _canvas ?? NewPage();

    private void Ensure(float height)
    {
        if (_canvas is null || _y + height > Height - Margin)
        {
            NewPage();
        }
    }

    private SKCanvas NewPage()
    {
        EndPage();
        _canvas = document.BeginPage(Width, Height);
        _page++;
        _small.Draw(_canvas, title, Margin, Margin - 20, _muted);
        _small.DrawCentred(_canvas, $"第 {_page} 页", Width / 2, Height - Margin + 24, _muted);
        _y = Margin;
        return _canvas;
    }

    private void EndPage()
    {
        if (_canvas is not null)
        {
            document.EndPage();
            _canvas = null;
        }
    }

    public void Dispose()
    {
        _body.Dispose();
        _heading.Dispose();
        _title.Dispose();
        _small.Dispose();
        _ink.Dispose();
        _muted.Dispose();
        _shade.Dispose();
        _rule.Dispose();
    }
}
