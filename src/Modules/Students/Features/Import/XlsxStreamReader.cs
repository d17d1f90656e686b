using System.IO.Compression;
using System.Xml;

namespace EduCloud.Students.Features.Import;

/// <summary>One spreadsheet row: its number as the spreadsheet shows it (1-based), and its cells by column.</summary>
internal readonly record struct SheetRow(int Number, string?[] Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Reads the first worksheet of an .xlsx row by row, streaming the zip entry through XlsxSheetScanner, so a million-row
/// file never sits in memory (a DOM library such as ClosedXML loads every cell). Shared strings (read with an
/// XmlReader) are kept packed in one char buffer. Cell values come back as text: numbers and dates as the stored number (a date is an Excel serial).
/// </summary>
internal sealed class XlsxStreamReader : IDisposable
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, CloseInput = true };
    private readonly ZipArchive _zip;
    private readonly string _sheetPath;
    private char[] _chars = new char[1 << 16];
    private int _length;
    private readonly List<int> _starts = [];

    public XlsxStreamReader(Stream stream)
    {
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            throw new InvalidDataException("文件不是有效的.xlsx工作簿");
        }
        _sheetPath = FirstSheetPath();
        LoadSharedStrings();
    }

    public IEnumerable<SheetRow> ReadRows()
    {
        var entry = _zip.GetEntry(_sheetPath) ?? throw new InvalidDataException("工作簿中没有工作表");
        using var sheet = entry.Open();
        foreach (var row in new XlsxSheetScanner(sheet, SharedString).ReadRows())
        {
            yield return row;
        }
    }

    private string SharedString(int index)
    {
        if ((uint)index >= (uint)_starts.Count)
        {
            return "";
        }
        var start = _starts[index];
        var end = index + 1 < _starts.Count ? _starts[index + 1] : _length;
        return new string(_chars, start, end - start);
    }

    private void LoadSharedStrings()
    {
        var entry = _zip.Entries.FirstOrDefault(e => e.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return;
        }
        using var xml = XmlReader.Create(entry.Open(), Settings);
        var inPhonetic = false;
        // ReadElementContentAsString leaves the reader on the next node already; handle that node before reading on.
        var positioned = false;
        while (positioned || xml.Read())
        {
            positioned = false;
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                _starts.Add(_length);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                inPhonetic = !xml.IsEmptyElement;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "rPh")
            {
                inPhonetic = false;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && !xml.IsEmptyElement)
            {
                var text = xml.ReadElementContentAsString();
                positioned = true;
                if (!inPhonetic)
                {
                    Append(text);
                }
            }
        }
    }

    private void Append(string text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
        }
        text.CopyTo(0, _chars, _length, text.Length);
        _length += text.Length;
    }

    private string FirstSheetPath()
    {
        const string fallback = "xl/worksheets/sheet1.xml";
        var workbook = _zip.GetEntry("xl/workbook.xml");
        var rels = _zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
        {
            return fallback;
        }
        string? relId = null;
        using (var xml = XmlReader.Create(workbook.Open(), Settings))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    relId = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    break;
                }
            }
        }
        using (var xml = XmlReader.Create(rels.Open(), Settings))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == relId)
                {
                    var target = xml.GetAttribute("Target") ?? "";
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }
        return fallback;
    }

    public void Dispose() => _zip.Dispose();
}
