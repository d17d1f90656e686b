using System.Buffers.Text;
using System.Text;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// A forward-only window over a stream of UTF-8 markup for <see cref="XlsxSheetScanner"/>: a 64 KB buffer refilled
/// in place, byte look-ups, and the decoding of XML entities into the text being collected.
/// </summary>
internal abstract class XmlByteCursor(Stream stream)
{
    protected readonly byte[] _buffer = new byte[1 << 16];
    protected int _pos, _len;
    /// <summary>The bytes of the name, attribute value or text being read.</summary>
    protected readonly List<byte> _text = new(64);

    protected void AppendEntity()
    {
        _pos++;
        Span<byte> name = stackalloc byte[12];
        var n = 0;
        byte b;
        while ((b = Take()) != (byte)';')
        {
            if (n == name.Length)
            {
                throw Bad();
            }
            name[n++] = b;
        }
        var entity = name[..n];
        int code;
        if (entity.SequenceEqual("amp"u8)) code = '&';
        else if (entity.SequenceEqual("lt"u8)) code = '<';
        else if (entity.SequenceEqual("gt"u8)) code = '>';
        else if (entity.SequenceEqual("quot"u8)) code = '"';
        else if (entity.SequenceEqual("apos"u8)) code = '\'';
        else if (n > 2 && entity[0] == '#' && (entity[1] | 0x20) == 'x' && Utf8Parser.TryParse(entity[2..], out code, out var used, 'x') && used == n - 2) { }
        else if (n > 1 && entity[0] == '#' && Utf8Parser.TryParse(entity[1..], out code, out used) && used == n - 1) { }
        else throw Bad();
        Span<byte> utf8 = stackalloc byte[4];
        if (!new Rune(code).TryEncodeToUtf8(utf8, out var written))
        {
            throw Bad();
        }
        foreach (var x in utf8[..written])
        {
            _text.Add(x);
        }
    }

    protected int FindByte(byte value)
    {
        while (true)
        {
            var i = _buffer.AsSpan(_pos, _len - _pos).IndexOf(value);
            if (i >= 0)
            {
                return _pos + i;
            }
            _pos = _len;
            if (!Fill())
            {
                return -1;
            }
        }
    }

    protected void SkipPast(ReadOnlySpan<byte> end)
    {
        while (!StartsWith(end))
        {
            Take();
        }
        _pos += end.Length;
    }

    protected bool StartsWith(ReadOnlySpan<byte> text)
    {
        while (_len - _pos < text.Length)
        {
            if (!Fill())
            {
                return false;
            }
        }
        return _buffer.AsSpan(_pos, text.Length).SequenceEqual(text);
    }

    protected byte Peek() => _pos < _len || Fill() ? _buffer[_pos] : throw Bad();

    protected byte Take() => _pos < _len || Fill() ? _buffer[_pos++] : throw Bad();

    /// <summary>Keeps the unread bytes and reads more after them; false at the end of the part.</summary>
    protected bool Fill()
    {
        var left = _len - _pos;
        Buffer.BlockCopy(_buffer, _pos, _buffer, 0, left);
        (_pos, _len) = (0, left);
        var read = stream.Read(_buffer, _len, _buffer.Length - _len);
        _len += read;
        return read > 0;
    }

    protected static InvalidDataException Bad() => new("文件不是有效的.xlsx工作簿（工作表内容无法读取）");
}
