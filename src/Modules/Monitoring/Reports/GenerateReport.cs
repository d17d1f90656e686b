using System.Security.Cryptography;
using EduCloud.Kernel.Files;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EduCloud.Monitoring.Reports;

/// <summary>
/// One report job, run by the worker as the platform: read the indicator values, compute the report, write the PDF
/// and the .xlsx to temporary files, and only when both are complete move them into the blob store and mark the job
/// done. Any failure marks the job failed with a Chinese message and removes every file it made (no half report).
/// Every write is conditional on the worker's claim (ReportJob.ClaimToken): a worker whose job was taken over by
/// another server (its lease ran out) fails its next write, drops its files and leaves the job to the new holder.
/// </summary>
internal sealed class GenerateReport(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, IBlobStore blobs,
    FileStoreOptions files, ReportOptions options, TimeProvider clock, ILogger<GenerateReport> log)
{
    public async Task RunAsync(ReportClaim claim, CancellationToken ct)
    {
        var jobId = claim.JobId;
        var job = await db.ReportJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is not { Status: ReportStatus.Running } || job.ClaimToken != claim.Token)
        {
            return;
        }
        Directory.CreateDirectory(files.IncomingDirectory);
        var pdf = Path.Combine(files.IncomingDirectory, $"report-{jobId:N}.pdf.part");
        var xlsx = Path.Combine(files.IncomingDirectory, $"report-{jobId:N}.xlsx.part");
        var stored = new List<string>();
        try
        {
            await StepAsync(job, 5, "正在读取指标数据", ct);
            var rollup = await board.CurrentAsync(db, ct);
            var request = new ReportRequest(job.NodeKind, job.NodeKey, job.NodeName, job.Year, job.IndicatorKey);
            var codes = rollup.Schools.Values.Where(s => s.Year == job.Year && BuildInspectionReport.Covers(request, s))
                .SelectMany(s => new[] { s.ProvinceCode, s.CityCode, s.CountyCode }).Distinct().ToList();
            var names = await org.RegionNamesAsync(codes, ct);
            var report = BuildInspectionReport.Run(rollup, request, names, clock.GetUtcNow().UtcDateTime);
            var fonts = ReportFonts.Load(options);

            await StepAsync(job, 30, "正在生成 PDF", ct);
            await using (var output = File.Create(pdf))
            {
                WriteReportPdf.Run(report, fonts, output, options.PdfListLimit);
            }
            await StepAsync(job, 65, "正在生成 Excel", ct);
            await using (var output = File.Create(xlsx))
            {
                WriteReportXlsx.Run(report, fonts, output, options.XlsxRowsPerSheet);
            }
            await StepAsync(job, 90, "正在保存文件", ct);
            var (pdfSha, pdfBytes) = await KeepAsync(pdf, stored, ct);
            var (xlsxSha, xlsxBytes) = await KeepAsync(xlsx, stored, ct);
            job.PdfSha256 = pdfSha;
            job.PdfBytes = pdfBytes;
            job.XlsxSha256 = xlsxSha;
            job.XlsxBytes = xlsxBytes;
            job.Status = ReportStatus.Done;
            job.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await StepAsync(job, 100, $"已完成：{report.Schools:N0} 所学校，未达标 {report.Below.Count:N0} 项", ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("Report job {JobId} was taken over by another server; this run's files are dropped", jobId);
            foreach (var sha in stored)
            {
                await blobs.DeleteAsync(sha, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Report job {JobId} failed", jobId);
            foreach (var sha in stored)
            {
                await blobs.DeleteAsync(sha, CancellationToken.None);
            }
            await FailAsync(claim, e is ReportFailedException ? e.Message : "生成报告时出错（" + e.GetType().Name + "），请稍后重试或联系运维人员", ct);
        }
        finally
        {
            File.Delete(pdf);
            File.Delete(xlsx);
        }
    }

    private async Task StepAsync(ReportJob job, int percent, string message, CancellationToken ct)
    {
        job.Percent = percent;
        job.Message = message;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hashes a finished temporary file and moves it into the blob store.</summary>
    private async Task<(string Sha, long Bytes)> KeepAsync(string path, List<string> stored, CancellationToken ct)
    {
        string sha;
        long bytes;
        await using (var stream = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            bytes = stream.Length;
        }
        await blobs.PutAsync(sha, path, ct);
        stored.Add(sha);
        return (sha, bytes);
    }

    private async Task FailAsync(ReportClaim claim, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var job = await db.ReportJobs.SingleAsync(j => j.Id == claim.JobId, ct);
        if (job.ClaimToken != claim.Token)
        {
            return; // another server holds the job now
        }
        job.Status = ReportStatus.Failed;
        job.Message = message;
        job.PdfSha256 = null;
        job.XlsxSha256 = null;
        job.PdfBytes = job.XlsxBytes = 0;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
