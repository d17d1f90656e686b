using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace EduCloud.Records.Data;

/// <summary>
/// PostgreSQL's binary COPY data for one table, written by hand into one pooled buffer that goes to Npgsql's raw COPY
/// stream in one write. NpgsqlBinaryImporter binds every value through its parameter and type machinery
/// (PgTypeInfo.Bind, an async state machine per value): ≈ 9 % of the server's CPU on the batch path for 18 statement
/// and 6 link values a statement (docs/benchmarks.md, "Session 13"). The bytes are what the importer sent: each row
/// an int16 field count, each field an int32 length (-1 for null) and its big-endian value, text as UTF-8. The
/// students' import does the same (ADR 0029); modules share no internals, so this is Records' own, with only the
/// types Records writes.
/// </summary>
internal sealed class CopyRows : IDisposable
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private byte[] _buffer;
    private int _used;

    public CopyRows(int expectedBytes)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expectedBytes, 4096));
        Header.CopyTo(_buffer, 0);
        _used = Header.Length;
    }

    /// <summary>The data so far; after <see cref="Complete"/>, the whole COPY from header to trailer.</summary>
    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(0, _used);

    public void StartRow(int fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(Room(2), (short)fields);
        _used += 2;
    }

    public void Null() => Length(-1);

    public void Uuid(Guid value)
    {
        Length(16);
        value.TryWriteBytes(Room(16), bigEndian: true, out _);
        _used += 16;
    }

    public void Uuid(Guid? value)
    {
        if (value is { } v) { Uuid(v); } else { Null(); }
    }

    public void Long(long value)
    {
        Length(8);
        BinaryPrimitives.WriteInt64BigEndian(Room(8), value);
        _used += 8;
    }

    public void Int(int value)
    {
        Length(4);
        BinaryPrimitives.WriteInt32BigEndian(Room(4), value);
        _used += 4;
    }

    public void Int(int? value)
    {
        if (value is { } v) { Int(v); } else { Null(); }
    }

    public void Bool(bool value)
    {
        Length(1);
        Room(1)[0] = value ? (byte)1 : (byte)0;
        _used += 1;
    }

    /// <summary>text / varchar: the UTF-8 bytes (what Npgsql sends for a string).</summary>
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var room = Room(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var n = Encoding.UTF8.GetBytes(value, room[4..]);
        BinaryPrimitives.WriteInt32BigEndian(room, n);
        _used += 4 + n;
    }

    /// <summary>text already in UTF-8.</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        Length(utf8.Length);
        utf8.CopyTo(Room(utf8.Length));
        _used += utf8.Length;
    }

    /// <summary>The trailer (field count -1).</summary>
    public void Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Room(2), -1);
        _used += 2;
    }

    private void Length(int length)
    {
        BinaryPrimitives.WriteInt32BigEndian(Room(4), length);
        _used += 4;
    }

    /// <summary>Free space for <paramref name="bytes"/> more at the end of the buffer (grown when short).</summary>
    private Span<byte> Room(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + bytes));
            _buffer.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = bigger;
        }
        return _buffer.AsSpan(_used, bytes);
    }

    public void Dispose()
    {
        // Cleared: the rows hold learners' statements, and the buffer goes back to a pool the whole process shares.
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }
    }
}
