using Amazon.S3;
using Amazon.S3.Model;

namespace EduCloud.Kernel.Files;

/// <summary>
/// A read-only, seekable view of one S3 object of known length. Reading opens a ranged GET at the current position
/// and keeps reading it while the caller reads on; a seek elsewhere drops it and the next read opens a new one. Each
/// GET asks for a window that doubles from 256 KiB to 8 MiB: a short range request (a player probing a video's end)
/// costs little, a long sequential read costs few requests, and memory stays one copy buffer whatever the file size.
/// </summary>
internal sealed class S3RangeReadStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private const long FirstWindow = 256 * 1024;
    private const long LargestWindow = 8 * 1024 * 1024;

    private GetObjectResponse? response;
    private Stream? body;
    /// <summary>Where the open body is (it reads on from here) and where its window ends (exclusive).</summary>
    private long bodyPosition;
    private long bodyEnd;
    private long window = FirstWindow;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0 || position >= length)
        {
            return 0;
        }
        if (body is null || bodyPosition != position || bodyPosition >= bodyEnd)
        {
            await OpenAtAsync(position, cancellationToken);
        }
        var wanted = (int)Math.Min(buffer.Length, bodyEnd - bodyPosition);
        var read = await body!.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"S3 object {key} ended at {bodyPosition} of {length} bytes");
        }
        bodyPosition += read;
        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        position = target;
        return position;
    }

    private async Task OpenAtAsync(long start, CancellationToken ct)
    {
        var sequential = body is not null && bodyPosition == start;
        CloseBody();
        window = sequential ? Math.Min(window * 2, LargestWindow) : FirstWindow;
        var end = Math.Min(length, start + window);
        response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(start, end - 1) }, ct);
        body = response.ResponseStream;
        bodyPosition = start;
        bodyEnd = end;
    }

    private void CloseBody()
    {
        body?.Dispose();
        response?.Dispose();
        body = null;
        response = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseBody();
        }
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
