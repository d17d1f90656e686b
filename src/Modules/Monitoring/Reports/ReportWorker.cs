using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Monitoring.Reports;

/// <summary>
/// Works off the report jobs one at a time (a report is CPU work, and the machine serves requests too). At start it
/// takes up the jobs a stopped server left: queued ones are queued again, running ones are marked failed (their
/// temporary files were never moved into the store).
/// </summary>
internal sealed class ReportWorker(IServiceScopeFactory scopes, ReportQueue queue, ILogger<ReportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await ResumeAsync(stoppingToken);
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.ActAsPlatform();
                await scope.ServiceProvider.GetRequiredService<GenerateReport>().RunAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Report job {JobId} could not be recorded as failed", id);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.ActAsPlatform();
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var open = await db.ReportJobs.Where(j => j.Status == ReportStatus.Queued || j.Status == ReportStatus.Running)
                .OrderBy(j => j.RequestedAt).ToListAsync(ct);
            foreach (var job in open.Where(j => j.Status == ReportStatus.Running))
            {
                job.Status = ReportStatus.Failed;
                job.Message = "服务重启，报告生成中断，请重新申请";
                job.FinishedAt = DateTime.UtcNow;
            }
            await db.SaveChangesAsync(ct);
            foreach (var job in open.Where(j => j.Status == ReportStatus.Queued))
            {
                queue.Enqueue(job.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A host started before its database is migrated (tests, first start): nothing can be waiting yet.
            log.LogWarning("Report jobs were not resumed at start: {Reason}", e.Message);
        }
    }
}
