using Microsoft.Extensions.Configuration;

namespace EduCloud.Kernel.Files;

/// <summary>
/// Settings under "Files": one content-addressed store and one scanner for every module's files (resources,
/// homework attachments, notice attachments), so a file is scanned and kept the same way wherever it arrives.
/// </summary>
public sealed class FileStoreOptions
{
    /// <summary>Verified files, one per SHA-256 (default {DataDirectory}/blobs).</summary>
    public string BlobDirectory { get; set; } = "";
    /// <summary>Where uploads wait while they are checked (default {DataDirectory}/incoming); same file system as the blobs.</summary>
    public string IncomingDirectory { get; set; } = "";
    /// <summary>The clamscan program (Debian package clamav).</summary>
    public string ClamScanPath { get; set; } = "/usr/bin/clamscan";
    /// <summary>The signature database (file or folder) handed to clamscan -d; default: the one shipped with the product.</summary>
    public string ClamDatabase { get; set; } = "";
    /// <summary>Where verified files are kept: "Local" (the blob directory, default) or "S3" (an S3-compatible bucket, see <see cref="S3"/>).</summary>
    public string Store { get; set; } = "Local";
    /// <summary>The bucket when <see cref="Store"/> is "S3" (Files:S3:*).</summary>
    public S3StoreOptions S3 { get; set; } = new();

    public static FileStoreOptions From(IConfiguration configuration)
    {
        var options = new FileStoreOptions();
        configuration.GetSection("Files").Bind(options);
        var data = configuration["DataDirectory"] ?? "data";
        if (string.IsNullOrEmpty(options.BlobDirectory))
        {
            options.BlobDirectory = Path.Combine(data, "blobs");
        }
        if (string.IsNullOrEmpty(options.IncomingDirectory))
        {
            options.IncomingDirectory = Path.Combine(data, "incoming");
        }
        if (string.IsNullOrEmpty(options.ClamDatabase))
        {
            options.ClamDatabase = Path.Combine(AppContext.BaseDirectory, "ClamAV");
        }
        return options;
    }
}

/// <summary>
/// Settings under "Files:S3": any S3-compatible service (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode). Uploads are
/// still checked on the local disk (IncomingDirectory) first; only verified files go to the bucket.
/// </summary>
public sealed class S3StoreOptions
{
    /// <summary>The service address, e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio.internal:9000.</summary>
    public string Endpoint { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string AccessKey { get; set; } = "";
    public string SecretKey { get; set; } = "";
    /// <summary>The signing region (most S3-compatible servers accept any; us-east-1 by convention).</summary>
    public string Region { get; set; } = "us-east-1";
    /// <summary>Path-style addressing (http://host/bucket/key): what MinIO and most private installations need.</summary>
    public bool PathStyle { get; set; } = true;
    /// <summary>A key prefix inside the bucket, e.g. "educloud/" when the bucket is shared.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Files larger than this go up as a multipart upload in parts of this size (S3's minimum part is 5 MiB).</summary>
    public long PartBytes { get; set; } = 8L * 1024 * 1024;
    /// <summary>
    /// Serve downloads of published files as a redirect to a short-lived presigned GET on the bucket (after the same
    /// entitlement check), so the bytes flow from the object store instead of through the application.
    /// </summary>
    public bool PresignDownloads { get; set; }
    /// <summary>How long a presigned link stays valid.</summary>
    public int PresignSeconds { get; set; } = 300;
}
