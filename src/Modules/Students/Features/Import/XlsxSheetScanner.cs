using System.Text;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Reads the rows of a worksheet part (sheetN.xml) forward-only over its UTF-8 bytes, looking only at what a class list
/// needs: &lt;row r&gt;, &lt;c r t&gt; and the text of &lt;v&gt; / &lt;is&gt;&lt;t&gt; (phonetic runs skipped). XmlReader spends
/// most of a million-row import checking and normalising markup that Excel, LibreOffice and WPS always write the same
/// way; this scanner is several times faster. Namespace prefixes (x:row), entities, CDATA and self-closing tags are
/// understood; anything it cannot read as XML ends the import with InvalidDataException, as before.
/// </summary>
internal sealed class XlsxSheetScanner(Stream sheet, Func<int, string> sharedString) : XmlByteCursor(sheet)
{
    private readonly List<string?> _cells = new(32);

    private readonly record struct Tag(string Name, bool IsEnd, bool SelfClosing, string? R, string? T);

    public IEnumerable<SheetRow> ReadRows()
    {
        var next = 1;
        var number = 0;
        var inRow = false;
        while (NextTag() is { } tag)
        {
            switch (tag.Name)
            {
                case "row" when !tag.IsEnd:
                    number = int.TryParse(tag.R, out var r) ? r : next;
                    next = number + 1;
                    _cells.Clear();
                    inRow = !tag.SelfClosing;
                    if (tag.SelfClosing)
                    {
                        yield return new SheetRow(number, []);
                    }
                    break;
                case "row" when inRow:
                    inRow = false;
                    yield return new SheetRow(number, _cells.ToArray());
                    break;
                case "c" when inRow && !tag.IsEnd:
                    var column = ColumnIndex(tag.R) ?? _cells.Count;
                    var value = tag.SelfClosing ? null : ReadCell(tag.T);
                    while (_cells.Count < column)
                    {
                        _cells.Add(null);
                    }
                    if (_cells.Count == column)
                    {
                        _cells.Add(value);
                    }
                    break;
                case "sheetData" when tag.IsEnd:
                    yield break;
            }
        }
    }

    /// <summary>The cell's text up to &lt;/c&gt;: the &lt;v&gt; value, or the &lt;t&gt; runs of an inline string.</summary>
    private string? ReadCell(string? type)
    {
        string? value = null;
        var phonetic = false;
        while (NextTag() is { } tag)
        {
            if (tag.Name == "c" && tag.IsEnd)
            {
                break;
            }
            if (tag.Name == "rPh")
            {
                phonetic = !tag.IsEnd && !tag.SelfClosing;
            }
            else if (tag.Name is "v" or "t" && !tag.IsEnd && !tag.SelfClosing)
            {
                var text = ReadText();
                if (!phonetic)
                {
                    value = value is null ? text : value + text;
                }
            }
        }
        return type switch
        {
            "s" => int.TryParse(value, out var index) ? sharedString(index) : value,
            "b" => value == "1" ? "TRUE" : "FALSE",
            _ => value,
        };
    }

    /// <summary>The character data up to the next tag, entities and CDATA decoded.</summary>
    private string ReadText()
    {
        _text.Clear();
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                throw Bad();
            }
            var b = _buffer[_pos];
            if (b == (byte)'<')
            {
                if (!StartsWith("<![CDATA["u8))
                {
                    break;
                }
                _pos += 9;
                while (!StartsWith("]]>"u8))
                {
                    _text.Add(Take());
                }
                _pos += 3;
            }
            else if (b == (byte)'&')
            {
                AppendEntity();
            }
            else
            {
                _text.Add(b);
                _pos++;
            }
        }
        return Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_text));
    }

    /// <summary>The next element tag (start, end or empty); comments, declarations and text in between are skipped.</summary>
    private Tag? NextTag()
    {
        while (true)
        {
            var lt = FindByte((byte)'<');
            if (lt < 0)
            {
                return null;
            }
            _pos = lt + 1;
            if (StartsWith("!--"u8))
            {
                SkipPast("-->"u8);
                continue;
            }
            if (StartsWith("?"u8) || StartsWith("!"u8))
            {
                SkipPast(">"u8);
                continue;
            }
            return ReadTag();
        }
    }

    private Tag ReadTag()
    {
        var isEnd = Peek() == (byte)'/';
        if (isEnd)
        {
            _pos++;
        }
        var name = ReadName();
        string? r = null, t = null;
        while (true)
        {
            var b = Take();
            if (b == (byte)'>')
            {
                return new Tag(name, isEnd, false, r, t);
            }
            if (b == (byte)'/')
            {
                if (Take() != (byte)'>')
                {
                    throw Bad();
                }
                return new Tag(name, isEnd, true, r, t);
            }
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            _pos--;
            var attribute = ReadName();
            while (Take() != (byte)'=') { }
            byte quote;
            while ((quote = Take()) is not ((byte)'"' or (byte)'\''))
            {
            }
            _text.Clear();
            while ((b = Take()) != quote)
            {
                _text.Add(b);
            }
            // Only r and t matter here, and their values are plain ASCII.
            if (attribute is "r" or "t")
            {
                var value = Encoding.ASCII.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_text));
                (r, t) = attribute == "r" ? (value, t) : (r, value);
            }
        }
    }

    /// <summary>An element or attribute name without its namespace prefix.</summary>
    private string ReadName()
    {
        _text.Clear();
        while (true)
        {
            var b = Peek();
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/' or (byte)'=')
            {
                break;
            }
            _pos++;
            if (b == (byte)':')
            {
                _text.Clear();
            }
            else
            {
                _text.Add(b);
            }
        }
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_text);
        // The names met on every cell come back as literals rather than new strings.
        return span switch
        {
            [(byte)'c'] => "c",
            [(byte)'v'] => "v",
            [(byte)'t'] => "t",
            [(byte)'r'] => "r",
            [(byte)'s'] => "s",
            _ when span.SequenceEqual("row"u8) => "row",
            _ => Encoding.UTF8.GetString(span),
        };
    }

    /// <summary>"AB12" → 27 (0-based).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

}
