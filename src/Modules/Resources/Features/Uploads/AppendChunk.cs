using System.Globalization;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http;

namespace EduCloud.Resources.Features.Uploads;

/// <summary>
/// PATCH /uploads/{id} with header Upload-Offset and the chunk as the body. The offset must be exactly what the
/// server holds (else 409 with the right offset), so a chunk is never applied twice or out of order. The chunk is
/// streamed to the partial file; the file is opened exclusively, so two concurrent PATCHes cannot interleave.
/// </summary>
internal static class AppendChunk
{
    public static async Task<long> HandleAsync(ResourcesOptions options, UploadSession session, long offset, Stream body, long? declaredLength, CancellationToken ct)
    {
        if (session.Status != UploadStatus.Open)
        {
            throw new ConflictException("status", "该上传已结束");
        }
        if (declaredLength > options.MaxChunkBytes)
        {
            throw ValidationFailedException.For("chunk", $"单次上传的分片不能超过{options.MaxChunkBytes / 1024 / 1024} MB");
        }
        var path = UploadFiles.PartPath(options, session.Id);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        }
        catch (IOException)
        {
            throw new ConflictException("offset", "该上传正在接收另一个分片");
        }
        await using (file)
        {
            if (offset != file.Length)
            {
                throw new OffsetMismatchException(file.Length);
            }
            file.Seek(offset, SeekOrigin.Begin);
            var buffer = new byte[81920];
            long written = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                written += read;
                if (offset + written > session.TotalBytes || written > options.MaxChunkBytes)
                {
                    // Keep what was there before this chunk: a refused chunk leaves no trace.
                    file.SetLength(offset);
                    throw ValidationFailedException.For("chunk", written > options.MaxChunkBytes ? "分片过大" : "数据超出声明的文件大小");
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            await file.FlushAsync(ct);
            return file.Length;
        }
    }

    public static async Task<IResult> EndpointAsync(ResourcesDbContext db, ResourcesOptions options, Guid id, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var session = await GetUpload.FindOwnAsync(db, id, ct);
        if (!long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw ValidationFailedException.For("Upload-Offset", "缺少Upload-Offset请求头（本分片的起始字节位置）");
        }
        try
        {
            var now = await HandleAsync(options, session, offset, request.Body, request.ContentLength, ct);
            response.Headers["Upload-Offset"] = now.ToString(CultureInfo.InvariantCulture);
            return TypedResults.NoContent();
        }
        catch (OffsetMismatchException e)
        {
            response.Headers["Upload-Offset"] = e.Expected.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"起始位置不符：服务器已收到 {e.Expected} 字节");
        }
    }

    private sealed class OffsetMismatchException(long expected) : Exception("offset mismatch")
    {
        public long Expected { get; } = expected;
    }
}
