using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EduCloud.Kernel.Files;

/// <summary>
/// Scans a file with ClamAV's clamscan (Debian's clamav package) against a configured signature database. With no
/// network for freshclam, the product ships its own database in ClamAV/ (educloud.ndb: the EICAR test signature);
/// operators point Files:ClamDatabase at a folder with main.cvd/daily.cvd copied from a connected machine.
/// A scanner that fails to run refuses the file: an unscanned file never reaches review.
/// </summary>
public sealed class VirusScanner(FileStoreOptions options, ILogger<VirusScanner> logger)
{
    public sealed record Verdict(bool Clean, string? Signature, string ScannedBy);

    /// <param name="largestFileBytes">The largest file the caller accepts: clamscan's own limits are raised to it.</param>
    public async Task<Verdict> ScanAsync(string path, long largestFileBytes, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.ClamScanPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // clamscan skips files over 100 MB and reports them clean by default; a video may be up to 2 GiB,
        // so the limits are raised to it and anything still over a limit is reported (an unscanned file is refused).
        var limit = $"{Math.Clamp(largestFileBytes / (1024 * 1024) + 1, 1, 2047)}M"; // clamscan stops at 2 GiB - 1
        foreach (var arg in new[] { "--no-summary", "--stdout", "--max-filesize=" + limit, "--max-scansize=" + limit, "--alert-exceeds-max=yes", "-d", options.ClamDatabase, path })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("clamscan did not start");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        // clamscan: 0 clean, 1 virus found, 2 error.
        switch (process.ExitCode)
        {
            case 0:
                return new Verdict(true, null, "ClamAV clamscan");
            case 1:
                var line = output.Split('\n').FirstOrDefault(l => l.EndsWith(" FOUND", StringComparison.Ordinal)) ?? "";
                var signature = line.Split(": ").LastOrDefault()?.Replace(" FOUND", "", StringComparison.Ordinal).Trim();
                return new Verdict(false, string.IsNullOrEmpty(signature) ? "unknown" : signature, "ClamAV clamscan");
            default:
                logger.LogError("clamscan failed with exit code {Code}: {Error}", process.ExitCode, error.Trim());
                throw new InvalidOperationException("virus scanner failed");
        }
    }
}
