using System.Text;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Reads a .csv row by row (RFC 4180 quoting, line breaks inside quotes). UTF-8 with or without a BOM; a file that is
/// not valid UTF-8 is read as GB18030, which is what Excel on a Chinese Windows saves as "CSV".
/// </summary>
internal static class CsvStreamReader
{
    public static IEnumerable<SheetRow> ReadRows(Stream stream)
    {
        using var reader = new StreamReader(stream, DetectEncoding(stream), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var cells = new List<string?>(32);
        var field = new StringBuilder(64);
        var number = 0;
        var quoted = false;
        var atFieldStart = true;
        var any = false;
        int ch;
        while ((ch = reader.Read()) >= 0)
        {
            var c = (char)ch;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    cells.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    yield return new SheetRow(++number, cells.ToArray());
                    cells.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }
        if (any)
        {
            cells.Add(field.ToString());
            yield return new SheetRow(++number, cells.ToArray());
        }
    }

    private static Encoding DetectEncoding(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return new UTF8Encoding(false);
        }
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        // Cut at the last complete character so a sequence split by the buffer's end is not taken for bad UTF-8.
        var end = read;
        while (end > 0 && read == buffer.Length && (buffer[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }
        if (end > 0 && read == buffer.Length && buffer[end - 1] >= 0xC0)
        {
            end--;
        }
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(buffer, 0, end);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }
}
