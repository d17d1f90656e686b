using EduCloud.Kernel.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Resources;

/// <summary>
/// clamscan skips files over 100 MB and calls them clean unless told otherwise; a lesson video is often larger.
/// This scans a real 110 MB file with the EICAR test string at its end through the product's scanner.
/// </summary>
public sealed class LargeFileScanTests
{
    [Fact]
    public async Task A_file_over_clamscans_default_limit_is_still_scanned_to_its_end()
    {
        var path = Path.Combine(Path.GetTempPath(), $"large-{Guid.NewGuid():N}.mp4");
        try
        {
            await using (var file = File.Create(path))
            {
                file.SetLength(110L * 1024 * 1024); // zeros up to here, then the test string
                file.Seek(0, SeekOrigin.End);
                await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"));
            }
            var scanner = new VirusScanner(FileStoreOptions.From(new ConfigurationBuilder().Build()), NullLogger<VirusScanner>.Instance);
            var verdict = await scanner.ScanAsync(path, 2L * 1024 * 1024 * 1024, CancellationToken.None);
            verdict.Clean.ShouldBeFalse();
            verdict.Signature.ShouldNotBeNull().ShouldContain("EICAR");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
