using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// PostgreSQL's binary COPY format written straight into one pooled buffer, one batch's whole COPY data, which the
/// writer then hands to Npgsql's raw COPY stream (ADR 0029; laid out off the writer's thread since ADR 0034). Npgsql's NpgsqlBinaryImporter does the same per value through its parameter and type
/// machinery, which cost the application more per row than the text COPY it replaced; the backend's saving (no text
/// parsing of uuids, integers, dates, timestamps) is the same either way. Values are big-endian, each field an int32
/// length (-1 for null) then its bytes; a row starts with its int16 field count.
/// </summary>
internal sealed class BinaryCopyWriter : IDisposable
{
    // 2000-01-01, PostgreSQL's epoch for dates and timestamps.
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private const long EpochTicks = 630822816000000000;
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private byte[] _buffer;
    private int _used;

    public BinaryCopyWriter(int expectedBytes)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expectedBytes, 64 * 1024));
        Header.CopyTo(_buffer, 0);
        _used = Header.Length;
    }

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

    public void Int(int value)
    {
        Length(4);
        BinaryPrimitives.WriteInt32BigEndian(Room(4), value);
        _used += 4;
    }

    public void Bool(bool value)
    {
        Length(1);
        Room(1)[0] = value ? (byte)1 : (byte)0;
        _used += 1;
    }

    public void Date(DateOnly value) => Int(value.DayNumber - EpochDay);

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC (ticks below a microsecond dropped, as Npgsql does).</summary>
    public void Timestamp(DateTime utc)
    {
        Length(8);
        BinaryPrimitives.WriteInt64BigEndian(Room(8), (utc.Ticks - EpochTicks) / 10);
        _used += 8;
    }

    public void Text(string value)
    {
        var room = Room(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var n = Encoding.UTF8.GetBytes(value, room[4..]);
        BinaryPrimitives.WriteInt32BigEndian(room, n);
        _used += 4 + n;
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Length(value.Length);
        value.CopyTo(Room(value.Length));
        _used += value.Length;
    }

    /// <summary>A bytea from hex text, decoded into the buffer.</summary>
    public void HexBytes(string hex)
    {
        var n = hex.Length / 2;
        Length(n);
        Convert.FromHexString(hex, Room(n), out _, out _);
        _used += n;
    }

    /// <summary>jsonb's binary form: version 1, then the JSON text in UTF-8.</summary>
    public void Jsonb(ReadOnlySpan<byte> utf8Json)
    {
        Length(1 + utf8Json.Length);
        var room = Room(1 + utf8Json.Length);
        room[0] = 1;
        utf8Json.CopyTo(room[1..]);
        _used += 1 + utf8Json.Length;
    }

    /// <summary>The trailer (field count -1).</summary>
    public void Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Room(2), -1);
        _used += 2;
    }

    /// <summary>The whole COPY data, header to trailer; the caller owns the pooled buffer from now on.</summary>
    public (byte[] Buffer, int Length) Take()
    {
        var taken = (_buffer, _used);
        (_buffer, _used) = ([], 0);
        return taken;
    }

    private void Length(int length)
    {
        BinaryPrimitives.WriteInt32BigEndian(Room(4), length);
        _used += 4;
    }

    /// <summary>Free space for <paramref name="bytes"/> more at the end of the buffer (a long value grows it).</summary>
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
        // Cleared: the buffer held ciphertexts and masked values, and goes back to a shared pool.
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }
    }
}
