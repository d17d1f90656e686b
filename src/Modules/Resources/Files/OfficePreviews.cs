using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Files;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Resources.Files;

/// <summary>
/// Office → PDF previews, made in the background with LibreOffice (`--headless --convert-to pdf`) so the browser's
/// own PDF viewer shows them. One conversion at a time (LibreOffice is heavy and the machine is shared); each run
/// gets a private profile directory, so a stuck run cannot lock the next. The queue is the blob table itself
/// (Preview = Pending): a restart picks up where it stopped.
/// </summary>
internal sealed class OfficePreviews(IServiceProvider services, ResourcesOptions options, IBlobStore blobs, ILogger<OfficePreviews> logger) : BackgroundService
{
    public static readonly string[] Formats = ["docx", "pptx", "xlsx", "doc", "ppt", "xls"];

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Called after an Office file was stored: look at the queue now rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.LibreOfficePath))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await NextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The tables may not exist yet (migrate runs after start in tests and on a first run).
                logger.LogDebug("Preview queue not readable yet: {Message}", e.Message);
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await _wake.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>Converts one pending blob; false when none is pending.</summary>
    private async Task<bool> NextAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.ActAsPlatform();
        var db = scope.ServiceProvider.GetRequiredService<ResourcesDbContext>();
        var blob = await db.Blobs.FirstOrDefaultAsync(b => b.Preview == PreviewStatus.Pending, ct);
        if (blob is null)
        {
            return false;
        }
        var work = Path.Combine(options.UploadDirectory, "preview-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var source = Path.Combine(work, "source." + blob.Format);
            await using (var read = await blobs.OpenReadAsync(blob.Sha256, ct) ?? throw new FileNotFoundException(blob.Sha256))
            await using (var write = File.Create(source))
            {
                await read.CopyToAsync(write, ct);
            }
            var pdf = await ConvertAsync(source, work, ct);
            if (pdf is null)
            {
                blob.Preview = PreviewStatus.Failed;
            }
            else
            {
                string sha;
                await using (var read = File.OpenRead(pdf))
                {
                    sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
                }
                await blobs.PutAsync(sha, pdf, ct);
                blob.PreviewSha256 = sha;
                blob.Preview = PreviewStatus.Ready;
            }
            await db.SaveChangesAsync(ct);
            return true;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<string?> ConvertAsync(string source, string work, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.LibreOfficePath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-env:UserInstallation=file://" + Path.GetFullPath(Path.Combine(work, "profile")), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, source })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(options.PreviewTimeoutSeconds));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            var pdf = Path.Combine(work, "source.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                logger.LogWarning("Preview conversion failed (exit {Code}): {Output} {Error}", process.ExitCode, (await output).Trim(), (await error).Trim());
                return null;
            }
            return pdf;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            logger.LogWarning("Preview conversion took longer than {Seconds} s and was stopped", options.PreviewTimeoutSeconds);
            return null;
        }
    }
}
