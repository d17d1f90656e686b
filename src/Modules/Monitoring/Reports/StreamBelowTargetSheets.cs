using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EduCloud.Monitoring.Reports;

/// <summary>One sheet of the below-target list: <see cref="Take"/> rows of a group, after its first <see cref="Skip"/>.</summary>
internal sealed record BelowSheetPlan(string Sheet, BelowTargetGroup Group, int Skip, int Take);

/// <summary>
/// Copies the workbook ClosedXML made (small: the figures, the ranking, the charts and the empty list sheets) into the
/// output zip entry by entry, and streams the below-target rows into each list sheet with the Open XML SDK's SAX
/// reader and writer (OpenXmlReader/OpenXmlWriter) as it goes: no row is held as a cell object, and the output zip is
/// written forwards (ZipArchiveMode.Create), so memory stays flat at any scope (ADR 0017). Strings are inline
/// (t="inlineStr"): no shared-string table to keep for a million rows.
/// </summary>
internal static class StreamBelowTargetSheets
{
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();
    private static readonly CellValue ValueElement = new();

    public static void Run(MemoryStream workbook, IReadOnlyList<BelowSheetPlan> sheets, BelowTargetList below, Stream output)
    {
        var byPart = PartsOf(workbook, sheets);
        workbook.Position = 0;
        using var source = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var plan = byPart.GetValueOrDefault(entry.FullName);
            using var from = entry.Open();
            using var to = target.CreateEntry(entry.FullName, plan is null ? CompressionLevel.Optimal : CompressionLevel.Fastest).Open();
            if (plan is null)
            {
                from.CopyTo(to);
            }
            else
            {
                Fill(from, to, plan, below);
            }
        }
    }

    /// <summary>The zip path of each list sheet's part, found through the workbook's relationships.</summary>
    private static Dictionary<string, BelowSheetPlan> PartsOf(MemoryStream workbook, IReadOnlyList<BelowSheetPlan> sheets)
    {
        workbook.Position = 0;
        using var document = SpreadsheetDocument.Open(workbook, false);
        var book = document.WorkbookPart!;
        var byName = sheets.ToDictionary(s => s.Sheet, StringComparer.Ordinal);
        return book.Workbook.Sheets!.Elements<Sheet>().Where(s => byName.ContainsKey(s.Name!.Value!))
            .ToDictionary(s => book.GetPartById(s.Id!.Value!).Uri.OriginalString.TrimStart('/'), s => byName[s.Name!.Value!]);
    }

    /// <summary>Copies the empty sheet (header row, widths, frozen row) and writes the rows at the end of its sheetData.</summary>
    private static void Fill(Stream from, Stream to, BelowSheetPlan plan, BelowTargetList below)
    {
        using var reader = new TypedOpenXmlPartReader(from, new OpenXmlPartReaderOptions());
        using var writer = OpenXmlWriter.Create(to);
        writer.WriteStartDocument();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetDimension) && reader.IsStartElement)
            {
                writer.WriteStartElement(reader, [new OpenXmlAttribute("ref", "", $"A1:F{plan.Take + 1}")]);
            }
            else if (reader.ElementType == typeof(SheetData) && reader.IsEndElement)
            {
                Rows(writer, below.Rows(plan.Group).Skip(plan.Skip).Take(plan.Take));
                writer.WriteEndElement();
            }
            else if (reader.IsStartElement)
            {
                writer.WriteStartElement(reader);
                if (reader.ElementType.IsSubclassOf(typeof(OpenXmlLeafTextElement)))
                {
                    writer.WriteString(reader.GetText());
                }
            }
            else if (reader.IsEndElement)
            {
                writer.WriteEndElement();
            }
        }
    }

    private static void Rows(OpenXmlWriter writer, IEnumerable<BelowTarget> rows)
    {
        var r = 1; // row 1 is the header
        foreach (var b in rows)
        {
            r++;
            var n = r.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", n)]);
            Text(writer, "A" + n, b.School);
            Text(writer, "B" + n, b.County);
            Text(writer, "C" + n, b.Indicator);
            Number(writer, "D" + n, b.Value);
            Number(writer, "E" + n, b.Target);
            Text(writer, "F" + n, b.Display == "percent" ? "比例" : b.Unit);
            writer.WriteEndElement();
        }
    }

    private static void Text(OpenXmlWriter writer, string cell, string text)
    {
        if (text.Length == 0)
        {
            return; // as ClosedXML leaves an empty value: no cell
        }
        writer.WriteStartElement(CellElement, [new OpenXmlAttribute("r", "", cell), new OpenXmlAttribute("t", "", "inlineStr")]);
        writer.WriteStartElement(InlineElement);
        writer.WriteStartElement(TextElement);
        writer.WriteString(text);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void Number(OpenXmlWriter writer, string cell, double value)
    {
        writer.WriteStartElement(CellElement, [new OpenXmlAttribute("r", "", cell)]);
        writer.WriteStartElement(ValueElement);
        writer.WriteString(value.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
