using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using SkiaSharp;

namespace EduCloud.Monitoring.Reports;

/// <summary>Settings under "Monitoring:Reports": the two TrueType fonts the report embeds (ADR 0012).</summary>
internal sealed class ReportOptions
{
    /// <summary>CJK glyphs (Debian fonts-droid-fallback: TrueType outlines, so the PDF embeds it as a CID TrueType font).</summary>
    public string CjkFont { get; set; } = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    /// <summary>Latin letters, digits and signs, which the CJK font lacks (Debian fonts-dejavu-core).</summary>
    public string LatinFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    /// <summary>A running job whose worker gave no sign of life for this long is claimed again by any server.</summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>How often an idle worker looks for jobs requested on other servers (a request on this one wakes it at once).</summary>
    public int PollSeconds { get; set; } = 10;
    /// <summary>Claims of one job before it is given up as failed (a report that kills its server must not kill them all).</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>
    /// The PDF lists at most this many below-target rows and says the full list is in the .xlsx: a national or
    /// large-province scope has hundreds of thousands, a PDF of tens of thousands of pages that nobody reads.
    /// </summary>
    public int PdfListLimit { get; set; } = WriteReportPdf.DefaultListLimit;
    /// <summary>Below-target rows per .xlsx sheet (a sub-region with more takes several sheets); Excel's limit is 1,048,576 rows.</summary>
    public int XlsxRowsPerSheet { get; set; } = WriteReportXlsx.DefaultRowsPerSheet;

    public static ReportOptions From(IConfiguration configuration)
    {
        var options = new ReportOptions();
        configuration.GetSection("Monitoring:Reports").Bind(options);
        return options;
    }
}

/// <summary>
/// The report's two typefaces, loaded once per file. Text is drawn in runs: CJK characters with the CJK font, the rest
/// with the Latin one, so every character has a real glyph and a ToUnicode entry (the text can be extracted).
/// </summary>
internal sealed class ReportFonts(SKTypeface cjk, SKTypeface latin)
{
    private static readonly ConcurrentDictionary<string, SKTypeface> Loaded = new();

    public static ReportFonts Load(ReportOptions options) => new(Typeface(options.CjkFont, "fonts-droid-fallback"), Typeface(options.LatinFont, "fonts-dejavu-core"));

    public TextStyle Style(float size) => new(new SKFont(cjk, size), new SKFont(latin, size));

    private static SKTypeface Typeface(string path, string package)
    {
        if (Loaded.TryGetValue(path, out var typeface))
        {
            return typeface;
        }
        var loaded = File.Exists(path) ? SKTypeface.FromFile(path) : null;
        if (loaded is null || loaded.GlyphCount == 0)
        {
            throw new ReportFailedException($"未找到报告所需的字体文件 {path}（Debian 软件包 {package}），无法生成 PDF");
        }
        return Loaded.GetOrAdd(path, loaded);
    }
}

/// <summary>One size of the report's text: measures, fits and draws mixed CJK/Latin strings.</summary>
internal sealed class TextStyle(SKFont cjk, SKFont latin) : IDisposable
{
    public float Size => cjk.Size;

    public float Measure(string text)
    {
        var width = 0f;
        foreach (var (run, font) in Runs(text))
        {
            width += font.MeasureText(run);
        }
        return width;
    }

    public void Draw(SKCanvas canvas, string text, float x, float y, SKPaint paint)
    {
        foreach (var (run, font) in Runs(text))
        {
            canvas.DrawText(run, x, y, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run);
        }
    }

    public void DrawRight(SKCanvas canvas, string text, float right, float y, SKPaint paint) => Draw(canvas, text, right - Measure(text), y, paint);

    public void DrawCentred(SKCanvas canvas, string text, float centre, float y, SKPaint paint) => Draw(canvas, text, centre - Measure(text) / 2, y, paint);

    /// <summary>The text cut to fit the width, with "…" when cut.</summary>
    public string Fit(string text, float width)
    {
        if (Measure(text) <= width)
        {
            return text;
        }
        var cut = text.Length;
        while (cut > 0 && Measure(text[..cut] + "…") > width)
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    /// <summary>The text broken into lines of at most the width (Chinese breaks between any two characters).</summary>
    public IEnumerable<string> Wrap(string text, float width)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            while (end < text.Length && Measure(text[start..(end + 1)]) <= width)
            {
                end++;
            }
            yield return text[start..end];
            start = end;
        }
    }

    private IEnumerable<(string Run, SKFont Font)> Runs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var useCjk = IsCjk(text[start]);
            var end = start + 1;
            while (end < text.Length && IsCjk(text[end]) == useCjk)
            {
                end++;
            }
            yield return (text[start..end], useCjk ? cjk : latin);
            start = end;
        }
    }

    private bool IsCjk(char c) => !char.IsAscii(c) && !char.IsSurrogate(c) && cjk.ContainsGlyph(c);

    public void Dispose()
    {
        cjk.Dispose();
        latin.Dispose();
    }
}
