using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Reports;

/// <summary>
/// A finished report's PDF or .xlsx from the blob store. The job is read through the scoped context, so a caller whose
/// scope does not cover the report's node gets 404, as for a report that does not exist.
/// </summary>
internal static class DownloadReport
{
    public static async Task<IResult> EndpointAsync(MonitoringDbContext db, IBlobStore blobs, Guid id, string format, CancellationToken ct)
    {
        var job = await db.ReportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        var (sha, type) = format switch
        {
            "pdf" => (job?.PdfSha256, "application/pdf"),
            "xlsx" => (job?.XlsxSha256, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            _ => (null, ""),
        };
        if (job is not { Status: ReportStatus.Done } || sha is null || await blobs.OpenReadAsync(sha, ct) is not { } stream)
        {
            throw new NotFoundException("未找到该督导报告文件");
        }
        var name = $"{job.NodeName}{job.Year}年度教育信息化专项督导报告.{format}";
        return TypedResults.Stream(stream, type, name, enableRangeProcessing: true);
    }
}
