namespace EduCloud.Kernel.Files;

/// <summary>
/// Where verified files live, addressed by their SHA-256. Two implementations are meant: the local disk (default,
/// <see cref="LocalDiskBlobStore"/>) and an S3-compatible bucket (Resources:BlobStore = "S3", not built yet: the same
/// four calls map to HeadObject, PutObject, GetObject with a Range header, and DeleteObject).
/// </summary>
public interface IBlobStore
{
    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    /// <summary>Moves a verified local file into the store under its hash (no-op if the hash is already stored).</summary>
    Task PutAsync(string sha256, string verifiedFile, CancellationToken ct);

    /// <summary>A seekable read stream (range requests seek in it), or null when the blob is missing.</summary>
    Stream? OpenRead(string sha256);

    Task DeleteAsync(string sha256, CancellationToken ct);
}

/// <summary>Blobs as files under the blob directory, fanned out by the first two hex digits.</summary>
public sealed class LocalDiskBlobStore(FileStoreOptions options) : IBlobStore
{
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
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("not a SHA-256", nameof(sha256));
        }
        return Path.Combine(options.BlobDirectory, sha256[..2], sha256);
    }
}
