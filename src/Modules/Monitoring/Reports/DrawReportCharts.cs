using System.Globalization;
using SkiaSharp;

namespace EduCloud.Monitoring.Reports;

/// <summary>
/// The report's two charts, drawn on any Skia canvas: as vectors on a PDF page, and onto a bitmap (PNG) for the .xlsx
/// (ClosedXML 0.95 cannot make native Excel charts). Same code, so both files show the same picture.
/// </summary>
internal static class DrawReportCharts
{
    /// <summary>At most this many bars; a longer ranking shows its tail (the units that most need attention).</summary>
    public const int MaxBars = 30;

    private static readonly SKColor Bar = new(0x2f, 0x6f, 0xb3);
    private static readonly SKColor Low = new(0xc0, 0x39, 0x2b);
    private static readonly SKColor Grid = new(0xdd, 0xdd, 0xdd);

    public static string RankingTitle(InspectionReport report) =>
        $"{report.RankedUnit}排名：{report.Ranked.Name}（{(report.RankedByShare ? "达标率" : "平均值")}）"
        + (report.Ranking.Count > MaxBars ? $"，排名末尾{MaxBars}个" : "");

    public static string DistributionTitle(InspectionReport report) => $"{report.Ranked.Name}的学校分布";

    /// <summary>Horizontal bars, best at the top, one per unit; bars below the whole node's figure in red.</summary>
    public static void Ranking(SKCanvas canvas, SKRect area, InspectionReport report, ReportFonts fonts)
    {
        using var text = fonts.Style(9);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var lines = report.Ranking.Count > MaxBars ? report.Ranking.Skip(report.Ranking.Count - MaxBars).ToList() : report.Ranking.ToList();
        if (lines.Count == 0)
        {
            text.Draw(canvas, "本级无下级单位，不作排名", area.Left, area.Top + 14, ink);
            return;
        }
        var whole = report.RankedByShare ? report.Ranked.ShareMet * 100 : report.Ranked.Average;
        var max = report.RankedByShare ? 100 : Math.Max(1e-9, lines.Max(l => report.Measure(l) ?? 0));
        var labelWidth = Math.Min(area.Width * 0.3f, lines.Max(l => text.Measure(l.Name)) + 6);
        var left = area.Left + labelWidth;
        var width = area.Width - labelWidth - 50;
        var step = Math.Min(18f, (area.Height - 16) / lines.Count); // room for the axis labels below
        using var grid = new SKPaint { Color = Grid, StrokeWidth = 0.5f };
        for (var g = 0; g <= 4; g++)
        {
            var x = left + width * g / 4;
            canvas.DrawLine(x, area.Top, x, area.Top + step * lines.Count, grid);
            text.DrawCentred(canvas, Number(max * g / 4, report.RankedByShare), x, area.Top + step * lines.Count + 11, ink);
        }
        using var bar = new SKPaint { IsAntialias = true };
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var y = area.Top + i * step;
            var value = report.Measure(line) ?? 0;
            bar.Color = whole is { } w && value < w - 1e-9 ? Low : Bar;
            canvas.DrawRect(left, y + step * 0.15f, (float)(width * Math.Clamp(value / max, 0, 1)), step * 0.7f, bar);
            text.DrawRight(canvas, text.Fit(line.Name, labelWidth - 6), left - 4, y + step * 0.5f + text.Size * 0.35f, ink);
            text.Draw(canvas, Number(report.Measure(line), report.RankedByShare), left + (float)(width * Math.Clamp(value / max, 0, 1)) + 3,
                y + step * 0.5f + text.Size * 0.35f, ink);
        }
    }

    /// <summary>Vertical bars: how many schools fall in each range of the indicator's value.</summary>
    public static void Distribution(SKCanvas canvas, SKRect area, InspectionReport report, ReportFonts fonts)
    {
        using var text = fonts.Style(9);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        if (report.Distribution.Count == 0)
        {
            text.Draw(canvas, "暂无数据", area.Left, area.Top + 14, ink);
            return;
        }
        var bins = report.Distribution;
        var max = Math.Max(1, bins.Max(b => b.Schools));
        var bottom = area.Bottom - 16;
        var height = bottom - area.Top - 14;
        var step = area.Width / bins.Count;
        using var bar = new SKPaint { Color = Bar, IsAntialias = true };
        using var axis = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.8f };
        canvas.DrawLine(area.Left, bottom, area.Right, bottom, axis);
        for (var i = 0; i < bins.Count; i++)
        {
            var h = height * bins[i].Schools / max;
            var x = area.Left + i * step;
            canvas.DrawRect(x + step * 0.1f, bottom - h, step * 0.8f, h, bar);
            text.DrawCentred(canvas, bins[i].Schools.ToString(CultureInfo.InvariantCulture), x + step / 2, bottom - h - 3, ink);
            text.DrawCentred(canvas, text.Fit(bins[i].Label, step), x + step / 2, bottom + 12, ink);
        }
    }

    /// <summary>A chart as a PNG (2× scale so it stays sharp in Excel).</summary>
    public static byte[] Png(int width, int height, Action<SKCanvas, SKRect> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width * 2, height * 2));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(2);
        draw(canvas, new SKRect(10, 10, width - 10, height - 10));
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string Number(double? value, bool percent) => value is not { } v ? "—"
        : percent ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : v.ToString("0.##", CultureInfo.InvariantCulture);
}
