using EduCloud.Kernel.Files;
using System.Security.Cryptography;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EduCloud.Resources.Features.Uploads;

/// <summary>
/// Finishes an upload: the size and the SHA-256 must match what was declared, the content must be what its name
/// says, and ClamAV must find it clean. Only then is the file moved into the blob store (one copy per hash); on any
/// refusal the partial file is deleted and the reason kept on the upload. A partial file is never readable.
/// </summary>
internal static class CompleteUpload
{
    public sealed record Services(ResourcesDbContext Db, ResourcesOptions Options, IBlobStore Blobs, VirusScanner Scanner, OfficePreviews Previews, TimeProvider Clock, ILogger<UploadSession> Logger);

    public static async Task<UploadDto> HandleAsync(Services s, Guid id, CancellationToken ct)
    {
        var session = await GetUpload.FindOwnAsync(s.Db, id, ct);
        if (session.Status == UploadStatus.Completed)
        {
            return UploadFiles.ToDto(s.Options, session);
        }
        if (session.Status == UploadStatus.Refused)
        {
            throw ValidationFailedException.For("file", session.FailureReason ?? "该上传已被拒绝");
        }
        var path = UploadFiles.PartPath(s.Options, session.Id);
        var received = UploadFiles.Received(s.Options, session);
        if (received != session.TotalBytes)
        {
            throw new ConflictException("offset", $"文件尚未传完：已收到 {received} / {session.TotalBytes} 字节");
        }
        string sha;
        await using (var file = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        }
        if (sha != session.ClaimedSha256)
        {
            await RefuseAsync(s, session, path, "文件校验值（SHA-256）与声明不符，文件在传输中损坏，请重新上传", ct);
        }
        var (sniffed, refusal) = ContentSniffer.Check(session.FileName, path);
        if (sniffed is null)
        {
            await RefuseAsync(s, session, path, refusal!, ct);
        }
        var verdict = await s.Scanner.ScanAsync(path, s.Options.MaxFileBytes, ct);
        if (!verdict.Clean)
        {
            s.Logger.LogWarning("Upload {UploadId} refused: virus scanner found {Signature}", session.Id, verdict.Signature);
            await RefuseAsync(s, session, path, $"病毒扫描未通过：发现 {verdict.Signature}", ct);
        }
        await s.Blobs.PutAsync(sha, path, ct);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        if (!await s.Db.Blobs.AnyAsync(b => b.Sha256 == sha, ct))
        {
            s.Db.Blobs.Add(new StoredBlob
            {
                Sha256 = sha, SizeBytes = session.TotalBytes, Format = sniffed!.Format, ContentType = sniffed.ContentType, ScannedBy = verdict.ScannedBy, StoredAt = now,
                Preview = OfficePreviews.Formats.Contains(sniffed.Format) ? PreviewStatus.Pending : PreviewStatus.NotNeeded,
            });
        }
        session.Status = UploadStatus.Completed;
        session.BlobSha256 = sha;
        session.CompletedAt = now;
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (s.Db.ChangeTracker.Entries<StoredBlob>().Any(e => e.State == EntityState.Added))
        {
            // The same bytes completed concurrently in another upload: its row stands for both.
            foreach (var e in s.Db.ChangeTracker.Entries<StoredBlob>().ToList())
            {
                e.State = EntityState.Detached;
            }
            await s.Db.SaveChangesAsync(ct);
        }
        if (OfficePreviews.Formats.Contains(sniffed!.Format))
        {
            s.Previews.Wake();
        }
        return UploadFiles.ToDto(s.Options, session, sniffed.Format);
    }

    private static async Task RefuseAsync(Services s, UploadSession session, string path, string reason, CancellationToken ct)
    {
        File.Delete(path);
        session.Status = UploadStatus.Refused;
        session.FailureReason = reason;
        await s.Db.SaveChangesAsync(ct);
        throw ValidationFailedException.For("file", reason);
    }

    public static async Task<Ok<UploadDto>> EndpointAsync(ResourcesDbContext db, ResourcesOptions options, IBlobStore blobs, VirusScanner scanner, OfficePreviews previews,
        TimeProvider clock, ILogger<UploadSession> logger, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(new Services(db, options, blobs, scanner, previews, clock, logger), id, ct));
}
