namespace EduCloud.Resources.Domain;

/// <summary>
/// A file in the blob store, by content: one row and one stored copy per SHA-256, however many versions (or
/// providers) upload the same bytes. Written only after the size, checksum, content check and virus scan passed.
/// </summary>
internal sealed class StoredBlob
{
    public string Sha256 { get; set; } = "";
    public long SizeBytes { get; set; }
    public string Format { get; set; } = "";
    public string ContentType { get; set; } = "";
    /// <summary>The scanner and signature database that passed it, e.g. "ClamAV 1.0.x".</summary>
    public string ScannedBy { get; set; } = "";
    public DateTime StoredAt { get; set; }
    /// <summary>For Office files: the PDF the preview worker made (a blob of its own), once made.</summary>
    public string? PreviewSha256 { get; set; }
    public PreviewStatus Preview { get; set; }
}

internal enum PreviewStatus
{
    /// <summary>The browser shows the file itself (PDF, images, audio, video) or nothing can be shown (text).</summary>
    NotNeeded = 0,
    Pending = 1,
    Ready = 2,
    Failed = 3,
}

/// <summary>
/// A resumable upload (断点续传): the client declares the size and SHA-256, sends chunks at offsets, asks for the
/// offset after an interruption, and completes. The bytes live in a private partial file until completion
/// verifies them; nothing reads a partial file.
/// </summary>
internal sealed class UploadSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public string FileName { get; set; } = "";
    public long TotalBytes { get; set; }
    public string ClaimedSha256 { get; set; } = "";
    public UploadStatus Status { get; set; } = UploadStatus.Open;
    public string? BlobSha256 { get; set; }
    public string? FailureReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

internal enum UploadStatus
{
    Open = 1,
    Completed = 2,
    Refused = 3,
}
