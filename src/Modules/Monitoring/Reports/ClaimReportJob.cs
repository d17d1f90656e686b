using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Reports;

/// <summary>The claim a worker holds on one job: the job and the token its writes are conditional on.</summary>
internal sealed record ReportClaim(Guid JobId, Guid Token, int Attempt);

/// <summary>
/// Several servers share mon_report_job. A worker claims the oldest job that is queued, or running with a heartbeat
/// older than the lease (its server died), by one conditional UPDATE per candidate: WHERE Id = @id AND Status = @seen
/// AND ClaimToken = @seen (EF's concurrency tokens). Only one server's UPDATE matches; the others see no row changed and
/// try the next candidate. A job claimed ReportOptions.MaxAttempts times is failed instead of claimed again.
/// </summary>
internal static class ClaimReportJob
{
    public static async Task<ReportClaim?> NextAsync(MonitoringDbContext db, string worker, ReportOptions options, DateTime now, CancellationToken ct)
    {
        var stale = now.AddSeconds(-options.LeaseSeconds);
        var candidates = await db.ReportJobs
            .Where(j => j.Status == ReportStatus.Queued || (j.Status == ReportStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < stale)))
            .OrderBy(j => j.RequestedAt).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            // Read afresh for each try: after a lost race the context holds nothing of the failed claim.
            db.ChangeTracker.Clear();
            var job = await db.ReportJobs.SingleOrDefaultAsync(j => j.Id == id
                && (j.Status == ReportStatus.Queued || (j.Status == ReportStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < stale))), ct);
            if (job is null)
            {
                continue;
            }
            var giveUp = job.Attempts >= options.MaxAttempts;
            if (giveUp)
            {
                job.Status = ReportStatus.Failed;
                job.Message = $"报告生成已中断{job.Attempts}次（服务重启或故障），请稍后重新申请";
                job.FinishedAt = now;
            }
            else
            {
                job.Message = job.Status == ReportStatus.Running ? "上次生成中断，正在重新生成" : "开始生成";
                job.Status = ReportStatus.Running;
                job.ClaimToken = Guid.NewGuid();
                job.ClaimedBy = worker;
                job.HeartbeatAt = now;
                job.StartedAt = now;
                job.Percent = 0;
                job.Attempts++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // another server claimed (or gave up) this one first
            }
            if (!giveUp)
            {
                db.ChangeTracker.Clear();
                return new ReportClaim(job.Id, job.ClaimToken!.Value, job.Attempts);
            }
        }
        return null;
    }

    /// <summary>Renews the lease; false when the claim was lost (another server took the job over) or the job has ended.</summary>
    public static async Task<bool> HeartbeatAsync(MonitoringDbContext db, ReportClaim claim, DateTime now, CancellationToken ct)
    {
        var job = await db.ReportJobs.SingleOrDefaultAsync(j => j.Id == claim.JobId, ct);
        if (job is not { Status: ReportStatus.Running } || job.ClaimToken != claim.Token)
        {
            return false;
        }
        job.HeartbeatAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
