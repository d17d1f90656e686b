using Microsoft.Extensions.Configuration;

namespace EduCloud.Resources;

/// <summary>
/// Settings under "Resources" in appsettings. Uploads wait in {DataDirectory}/resources/uploads; verified files go to
/// the platform's blob store and scanner (Kernel Files, settings under "Files").
/// </summary>
internal sealed class ResourcesOptions
{
    /// <summary>Largest accepted file (default 2 GiB: a classroom recording).</summary>
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    /// <summary>Largest chunk in one PATCH (default 16 MiB).</summary>
    public long MaxChunkBytes { get; set; } = 16 * 1024 * 1024;
    public string UploadDirectory { get; set; } = "";

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
        if (string.IsNullOrEmpty(options.UploadDirectory))
        {
            options.UploadDirectory = Path.Combine(data, "resources", "uploads");
        }
        return options;
    }
}
