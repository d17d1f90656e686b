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
