using System.IO.Compression;
using System.Text;
using System.Xml;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Writes a one-sheet .xlsx row by row (inline strings, a bold header row), so an error report or export of any size
/// is written with flat memory. Excel, WPS and LibreOffice open it; ClosedXML reads it back in the tests.
/// </summary>
internal sealed class XlsxStreamWriter : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly XmlWriter _sheet;
    private int _row;

    public XlsxStreamWriter(Stream output, string sheetName)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Part("xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        var entry = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        _sheet = XmlWriter.Create(entry.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement("worksheet", "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        _sheet.WriteStartElement("sheetData");
    }

    public int RowsWritten => _row;

    public void WriteHeader(IReadOnlyList<string?> cells) => WriteRow(cells, style: 1);

    /// <summary>Every cell is written as text (style "@"), so IDs and leading zeros survive a round trip.</summary>
    public void WriteRow(IReadOnlyList<string?> cells, int style = 2)
    {
        _row++;
        _sheet.WriteStartElement("row");
        _sheet.WriteAttributeString("r", _row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            _sheet.WriteStartElement("c");
            _sheet.WriteAttributeString("r", ColumnName(i) + _row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("t", "inlineStr");
            _sheet.WriteAttributeString("s", style.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _sheet.WriteStartElement("is");
            _sheet.WriteStartElement("t");
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            {
                _sheet.WriteAttributeString("xml", "space", null, "preserve");
            }
            _sheet.WriteString(Sanitize(value));
            _sheet.WriteEndElement();
            _sheet.WriteEndElement();
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>XML 1.0 cannot hold most control characters; a pasted cell sometimes has them.</summary>
    private static string Sanitize(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
            {
                return new string(value.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
            }
        }
        return value;
    }

    private void Part(string name, string xml)
    {
        using var writer = new StreamWriter(_zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    public void Dispose()
    {
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndDocument();
        _sheet.Dispose();
        _zip.Dispose();
    }
}
