using System.Buffers;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// One batch's rows for one table as complete binary COPY data (header, rows, trailer), laid out by the match stage
/// so the writer only streams bytes (ADR 0034). The buffer is pooled and holds ciphertexts and masked values: cleared
/// when it goes back.
/// </summary>
internal sealed class EncodedCopy : IDisposable
{
    // Generous for a student row (~450 bytes in the binary format); the buffer grows if a row is longer.
    private const int BytesPerRowHint = 512;
    private byte[] _buffer;

    private EncodedCopy(byte[] buffer, int length) => (_buffer, Length) = (buffer, length);

    public int Length { get; }
    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(0, Length);

    public static EncodedCopy Of<T>(BulkColumn<T>[] columns, IReadOnlyList<T> rows)
    {
        using var writer = new BinaryCopyWriter(rows.Count * BytesPerRowHint);
        foreach (var row in rows)
        {
            writer.StartRow(columns.Length);
            foreach (var column in columns)
            {
                column.Write(writer, row);
            }
        }
        writer.Complete();
        var (buffer, length) = writer.Take();
        return new EncodedCopy(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }
    }
}
