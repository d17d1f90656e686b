using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace EduCloud.Kernel.Files;

/// <summary>
/// Blobs as objects in an S3-compatible bucket, keyed "{prefix}{first two hex digits}/{sha256}" like the local disk.
/// Reads are seekable streams over ranged GETs (<see cref="S3RangeReadStream"/>), so the download endpoints' range
/// processing works unchanged and a seek never fetches what it skips.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly IAmazonS3 client;
    private readonly string bucket;
    private readonly string prefix;

    public S3BlobStore(S3StoreOptions options)
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
        client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        bucket = options.Bucket;
        prefix = options.Prefix;
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct) => await LengthAsync(KeyOf(sha256), ct) is not null;

    public async Task PutAsync(string sha256, string verifiedFile, CancellationToken ct)
    {
        var key = KeyOf(sha256);
        // Content-addressed: an object under this key already holds these bytes, so a second upload of a file is free.
        if (await LengthAsync(key, ct) is null)
        {
            // One PUT: S3 writes an object whole or not at all, so a reader never sees half a blob (limit 5 GB a PUT).
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                FilePath = verifiedFile,
                ContentType = "application/octet-stream",
                UseChunkEncoding = false,
            }, ct);
        }
        File.Delete(verifiedFile);
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
