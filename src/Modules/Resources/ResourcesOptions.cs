using Microsoft.Extensions.Configuration;

namespace EduCloud.Resources;

/// <summary>
/// Settings under "Resources" in appsettings. Files go to {DataDirectory}/resources by default
/// (Resources:BlobStore = "Local"); an S3-compatible store implements IBlobStore the same way (see README).
/// </summary>
internal sealed class ResourcesOptions
{
    /// <summary>Largest accepted file (default 2 GiB: a classroom recording).</summary>
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    /// <summary>Largest chunk in one PATCH (default 16 MiB).</summary>
    public long MaxChunkBytes { get; set; } = 16 * 1024 * 1024;
    public string BlobDirectory { get; set; } = "";
    public string UploadDirectory { get; set; } = "";
    /// <summary>The clamscan program; empty turns scanning off (refused at start unless Resources:AllowUnscanned).</summary>
    public string ClamScanPath { get; set; } = "/usr/bin/clamscan";
    /// <summary>The signature database (file or folder) handed to clamscan -d; default: the one shipped with the product.</summary>
    public string ClamDatabase { get; set; } = "";

    /// <summary>LibreOffice for Office → PDF previews (Debian: libreoffice-calc-nogui, -writer-nogui, -impress-nogui); empty turns previews off.</summary>
    public string LibreOfficePath { get; set; } = "/usr/bin/libreoffice";
    /// <summary>Longest a single conversion may take before it is abandoned.</summary>
    public int PreviewTimeoutSeconds { get; set; } = 120;

    /// <summary>OAI-PMH: records or identifiers per response before a resumption token.</summary>
    public int OaiPageSize { get; set; } = 100;
    public string OaiRepositoryName { get; set; } = "EduCloud 教育资源公共服务平台";
    /// <summary>The namespace of the oai identifiers (oai:{this}:{resource id}).</summary>
    public string OaiRepositoryIdentifier { get; set; } = "educloud.local";
    public string OaiAdminEmail { get; set; } = "oai-admin@educloud.local";

    public static ResourcesOptions From(IConfiguration configuration)
    {
        var options = new ResourcesOptions();
        configuration.GetSection("Resources").Bind(options);
        var data = configuration["DataDirectory"] ?? "data";
        if (string.IsNullOrEmpty(options.BlobDirectory))
        {
            options.BlobDirectory = Path.Combine(data, "resources", "blobs");
        }
        if (string.IsNullOrEmpty(options.UploadDirectory))
        {
            options.UploadDirectory = Path.Combine(data, "resources", "uploads");
        }
        if (string.IsNullOrEmpty(options.ClamDatabase))
        {
            options.ClamDatabase = Path.Combine(AppContext.BaseDirectory, "ClamAV");
        }
        return options;
    }
}
