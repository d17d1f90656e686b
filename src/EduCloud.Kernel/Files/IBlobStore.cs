namespace EduCloud.Kernel.Files;

/// <summary>
/// Where verified files live, addressed by their SHA-256. Two implementations, chosen by Files:Store: the local disk
/// (default, <see cref="LocalDiskBlobStore"/>) and an S3-compatible bucket (<see cref="S3BlobStore"/>: HeadObject,
/// PutObject, GetObject with a Range header, DeleteObject).
/// </summary>
public interface IBlobStore
{
    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    /// <summary>Moves a verified local file into the store under its hash (no-op if the hash is already stored).</summary>
    Task PutAsync(string sha256, string verifiedFile, CancellationToken ct);

    /// <summary>A seekable read stream (range requests seek in it), or null when the blob is missing.</summary>
    Stream? OpenRead(string sha256);

    /// <summary>
    /// As <see cref="OpenRead"/>, without blocking a thread on a remote store (S3 asks for the object's length first).
    /// Request handlers should prefer it.
    /// </summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct) => Task.FromResult(OpenRead(sha256));

    Task DeleteAsync(string sha256, CancellationToken ct);

    /// <summary>
    /// A short-lived link the client may GET the blob from directly (ranges included), answered with the given type
    /// and, with a download name, as an attachment; null when the store does not hand out links (the local disk, or
    /// S3 without Files:S3:PresignDownloads) or the blob is missing. The caller checks entitlement first.
    /// </summary>
    Task<Uri?> PresignReadAsync(string sha256, string contentType, string? downloadName, CancellationToken ct) => Task.FromResult<Uri?>(null);
}

/// <summary>Blobs as files under the blob directory, fanned out by the first two hex digits.</summary>
public sealed class LocalDiskBlobStore(FileStoreOptions options) : IBlobStore
{
    /// <summary>The store Files:Store names (Local by default); a misspelt name fails at start-up, not at the first upload.</summary>
    public static IBlobStore Create(FileStoreOptions options) => options.Store.Trim().ToLowerInvariant() switch
    {
        "" or "local" => new LocalDiskBlobStore(options),
        "s3" => new S3BlobStore(options.S3),
        _ => throw new InvalidOperationException($"Files:Store must be Local or S3, not '{options.Store}'"),
    };

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task PutAsync(string sha256, string verifiedFile, CancellationToken ct)
    {
        var target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(verifiedFile);
        }
        else
        {
            // Same file system (both under DataDirectory): an atomic rename, so a reader never sees half a blob.
            File.Move(verifiedFile, target);
        }
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    public Task DeleteAsync(string sha256, CancellationToken ct)
    {
        File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }

    private string PathOf(string sha256)
    {
        var sha = CheckHash(sha256);
        return Path.Combine(options.BlobDirectory, sha[..2], sha);
    }

    /// <summary>Only a lower-case SHA-256 names a blob: no path or key can be smuggled in.</summary>
    internal static string CheckHash(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower) ? sha256 : throw new ArgumentException("not a SHA-256", nameof(sha256));
}
