using System.Security.Cryptography;
using EduCloud.Kernel.Errors;

namespace EduCloud.Kernel.Files;

/// <summary>A checked file in the blob store: what a module keeps in its own row to serve it later.</summary>
public sealed record StoredFile(string Sha256, long Bytes, string Format, string ContentType, string FileName);

/// <summary>
/// Takes in a small file in one request (a homework attachment, a notice attachment): size limit while streaming,
/// SHA-256, content sniffing against the extension, the virus scan, then the blob store. Any refusal is a
/// <see cref="ValidationFailedException"/> on the caller's field with a Chinese reason, and nothing is kept.
/// Large resources use their resumable upload instead (Resources module).
/// </summary>
public sealed class FileIntake(FileStoreOptions options, IBlobStore blobs, VirusScanner scanner)
{
    /// <param name="field">The form or JSON field the file came in, named in any refusal.</param>
    /// <param name="allowedFormats">Extensions the caller accepts (a subset of <see cref="ContentSniffer.Extensions"/>).</param>
    public async Task<StoredFile> KeepAsync(string field, string fileName, Stream content, long maxBytes,
        IReadOnlyCollection<string> allowedFormats, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw ValidationFailedException.For(field, "文件名不能为空且不超过 200 个字符");
        }
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        if (!allowedFormats.Contains(extension == "jpeg" ? "jpg" : extension))
        {
            throw ValidationFailedException.For(field, $"“{name}”的文件类型不允许，允许：{string.Join("、", allowedFormats)}");
        }
        Directory.CreateDirectory(options.IncomingDirectory);
        var path = Path.Combine(options.IncomingDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            var (sha, bytes) = await CopyCountingAsync(content, path, maxBytes, ct);
            if (bytes > maxBytes)
            {
                throw ValidationFailedException.For(field, $"“{name}”超过大小上限（{FormatSize(maxBytes)}）");
            }
            if (bytes == 0)
            {
                throw ValidationFailedException.For(field, $"“{name}”是空文件");
            }
            var (sniffed, refusal) = ContentSniffer.Check(name, path);
            if (sniffed is null)
            {
                throw ValidationFailedException.For(field, $"“{name}”：{refusal}");
            }
            var verdict = await scanner.ScanAsync(path, maxBytes, ct);
            if (!verdict.Clean)
            {
                throw ValidationFailedException.For(field, $"“{name}”未通过病毒扫描（{verdict.Signature}），已拒收");
            }
            await blobs.PutAsync(sha, path, ct);
            return new StoredFile(sha, bytes, sniffed.Format, sniffed.ContentType, name);
        }
        finally
        {
            // PutAsync moved the file on success; on any refusal the half-checked copy must not stay behind.
            File.Delete(path);
        }
    }

    private static async Task<(string Sha, long Bytes)> CopyCountingAsync(Stream content, string path, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                // Stop reading at the limit: an oversized upload costs no more disk than the limit.
                return ("", total);
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";
}
