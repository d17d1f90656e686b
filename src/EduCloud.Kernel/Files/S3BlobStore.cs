using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace EduCloud.Kernel.Files;

/// <summary>
/// Blobs as objects in an S3-compatible bucket, keyed "{prefix}{first two hex digits}/{sha256}" like the local disk.
/// Reads are seekable streams over ranged GETs (<see cref="S3RangeReadStream"/>), so the download endpoints' range
/// processing works unchanged and a seek never fetches what it skips. Files over Files:S3:PartBytes go up as a
/// multipart upload (aborted on failure); published files may be handed out as presigned links (ADR 0015).
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>S3 refuses parts under 5 MiB (all but the last).</summary>
    public const long MinPartBytes = 5L * 1024 * 1024;

    private readonly IAmazonS3 client;
    private readonly string bucket;
    private readonly string prefix;
    private readonly long partBytes;
    private readonly TimeSpan? presignFor;
    private readonly Protocol scheme;

    public S3BlobStore(S3StoreOptions options) : this(options, null)
    {
    }

    /// <summary>With a client of the caller's (tests wrap the real one to inject a failure part-way).</summary>
    internal S3BlobStore(S3StoreOptions options, IAmazonS3? client)
    {
        var missing = new[] { ("Endpoint", options.Endpoint), ("Bucket", options.Bucket), ("AccessKey", options.AccessKey), ("SecretKey", options.SecretKey) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => "Files:S3:" + s.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Files:Store is S3 but these settings are empty: " + string.Join(", ", missing));
        }
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint,
            ForcePathStyle = options.PathStyle,
            AuthenticationRegion = options.Region,
            // S3-compatible servers differ in what they accept: send and check checksums only where S3 requires them
            // (the newer SDK default adds CRC trailers and aws-chunked bodies that MinIO releases and others refuse).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.PartBytes < MinPartBytes)
        {
            throw new InvalidOperationException($"Files:S3:PartBytes must be at least {MinPartBytes} (S3's minimum part size), not {options.PartBytes}");
        }
        if (options.PresignDownloads && options.PresignSeconds is < 1 or > 604_800)
        {
            throw new InvalidOperationException($"Files:S3:PresignSeconds must be between 1 and 604800 (a week, S3's limit), not {options.PresignSeconds}");
        }
        this.client = client ?? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        bucket = options.Bucket;
        prefix = options.Prefix;
        partBytes = options.PartBytes;
        presignFor = options.PresignDownloads ? TimeSpan.FromSeconds(options.PresignSeconds) : null;
        // The presigner writes https unless told otherwise; a private MinIO on http must get http links.
        scheme = options.Endpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct) => await LengthAsync(KeyOf(sha256), ct) is not null;

    public async Task PutAsync(string sha256, string verifiedFile, CancellationToken ct)
    {
        var key = KeyOf(sha256);
        // Content-addressed: an object under this key already holds these bytes, so a second upload of a file is free.
        if (await LengthAsync(key, ct) is null)
        {
            var length = new FileInfo(verifiedFile).Length;
            if (length <= partBytes)
            {
                // One PUT: S3 writes an object whole or not at all, so a reader never sees half a blob.
                await client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    FilePath = verifiedFile,
                    ContentType = "application/octet-stream",
                    UseChunkEncoding = false,
                }, ct);
            }
            else
            {
                await PutInPartsAsync(key, verifiedFile, length, ct);
            }
        }
        File.Delete(verifiedFile);
    }

    /// <summary>
    /// A multipart upload, one part at a time straight from the file (no part is held in memory): a failed part
    /// retries only that part in the SDK, and the object appears only on completion, whole. Any failure, cancellation
    /// included, aborts the upload so the bucket keeps no orphan parts (which S3 bills and never shows in a listing);
    /// if even the abort fails, a lifecycle rule for incomplete uploads is the backstop (ADR 0015).
    /// </summary>
    private async Task PutInPartsAsync(string key, string file, long length, CancellationToken ct)
    {
        var upload = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = "application/octet-stream",
        }, ct);
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < length; position += partBytes, number++)
            {
                var part = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = (int)number,
                    FilePath = file,
                    FilePosition = position,
                    PartSize = Math.Min(partBytes, length - position),
                    UseChunkEncoding = false,
                }, ct);
                parts.Add(new PartETag((int)number, part.ETag));
            }
            await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, ct);
        }
        catch
        {
            try
            {
                // Not the request's token: a cancelled upload must still be cleaned up.
                await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException)
            {
                // The original failure is the one to report; the lifecycle rule removes what the abort could not.
            }
            throw;
        }
    }

    public async Task<Uri?> PresignReadAsync(string sha256, string contentType, string? downloadName, CancellationToken ct)
    {
        var key = KeyOf(sha256);
        if (presignFor is not { } lifetime || await LengthAsync(key, ct) is null)
        {
            return null;
        }
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = scheme,
            Expires = DateTime.UtcNow.Add(lifetime),
        };
        // Objects are stored as octet-stream: the link answers with the sniffed, whitelisted type the endpoint would send.
        request.ResponseHeaderOverrides.ContentType = contentType;
        request.ResponseHeaderOverrides.CacheControl = "private, max-age=" + (int)lifetime.TotalSeconds;
        if (downloadName is not null)
        {
            request.ResponseHeaderOverrides.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString(downloadName);
        }
        return new Uri(await client.GetPreSignedURLAsync(request));
    }

    /// <summary>Blocks on the length request: callers on a request thread use <see cref="OpenReadAsync"/>.</summary>
    public Stream? OpenRead(string sha256) => OpenReadAsync(sha256, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var key = KeyOf(sha256);
        return await LengthAsync(key, ct) is { } length ? new S3RangeReadStream(client, bucket, key, length) : null;
    }

    public async Task DeleteAsync(string sha256, CancellationToken ct) =>
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = KeyOf(sha256) }, ct);

    public void Dispose() => client.Dispose();

    private async Task<long?> LengthAsync(string key, CancellationToken ct)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, ct);
            return head.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private string KeyOf(string sha256)
    {
        var sha = LocalDiskBlobStore.CheckHash(sha256);
        return $"{prefix}{sha[..2]}/{sha}";
    }
}
