using EduCloud.Kernel.Data;
using System.Collections.Concurrent;
using System.Threading.Channels;
using EduCloud.Kernel.Scope;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Students.Features.Import;

/// <summary>Live figures of a running import, kept in memory: the job row is written at start and end only, because
/// on SQLite the import's own transaction holds the write lock until it commits.</summary>
internal sealed class ImportProgress
{
    public int Processed;
    public int Imported;
    public int Updated;
    public int Unchanged;
    public int Failed;
    public double Fraction;
    public CancellationTokenSource Cancel { get; } = new();
}

/// <summary>The queue of import jobs and the live progress of the one running. One job runs at a time.</summary>
internal sealed class ImportQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, ImportProgress> _running = new();

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken ct) => _jobs.Writer.WriteAsync(jobId, ct);

    public ChannelReader<Guid> Reader => _jobs.Reader;

    public ImportProgress Track(Guid jobId) => _running.GetOrAdd(jobId, _ => new ImportProgress());

    public ImportProgress? Find(Guid jobId) => _running.GetValueOrDefault(jobId);

    public void Forget(Guid jobId)
    {
        if (_running.TryRemove(jobId, out var progress))
        {
            progress.Cancel.Dispose();
        }
    }

    /// <summary>Cancels a running job; a queued one is marked by the caller and skipped when its turn comes.</summary>
    public bool CancelRunning(Guid jobId)
    {
        if (_running.TryGetValue(jobId, out var progress))
        {
            progress.Cancel.Cancel();
            return true;
        }
        return false;
    }
}

/// <summary>Runs queued imports in the background, acting as the platform (the school was checked when queued).</summary>
internal sealed class ImportWorker(IServiceProvider services, ImportQueue queue, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FailInterruptedAsync(stoppingToken);
        await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = services.CreateScope();
                scope.ServiceProvider.ActAsPlatform();
                await RunImport.ExecuteAsync(scope.ServiceProvider, jobId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // No row content here: the exception of a crashed import names the job, never a student.
                logger.LogError(e, "Student import {JobId} crashed", jobId);
            }
        }
    }

    /// <summary>
    /// A job left Running or Queued by a stopped server: a running one wrote nothing (one transaction), and a queued
    /// one's queue is gone, so both are marked failed and the user uploads again.
    /// </summary>
    private async Task FailInterruptedAsync(CancellationToken ct)
    {
        try
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.ActAsPlatform();
            var db = scope.ServiceProvider.GetRequiredService<StudentsDbContext>();
            // The host migrates at start-up, possibly after this service starts: wait for the schema first.
            await db.Database.WaitForSchemaAsync(ct);
            await db.ImportJobs.IgnoreQueryFilters().Where(j => j.Status == ImportStatus.Running || j.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.Message, "服务重启，导入已中断，未写入任何数据，请重新上传"), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The table may not exist yet before the first migration; the next start tries again.
            logger.LogWarning(e, "Could not mark interrupted student imports");
        }
    }
}

internal static class DataDirectory
{
    public static string Of(Microsoft.Extensions.Configuration.IConfiguration configuration) => configuration["DataDirectory"] ?? "data";

    public static string Imports(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var path = Path.Combine(Of(configuration), "imports");
        Directory.CreateDirectory(path);
        return path;
    }
}
