using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Reports;

/// <summary>A report job as the API and the page show it; the file links only once both files are complete.</summary>
public sealed record ReportJobDto(Guid Id, int Year, string NodeKind, string NodeKey, string NodeName, string Indicator, string Status, string StatusName,
    int Percent, string Message, string RequestedByName, DateTime RequestedAt, DateTime? FinishedAt, string? PdfUrl, long PdfBytes, string? XlsxUrl, long XlsxBytes)
{
    internal static ReportJobDto Of(ReportJob j)
    {
        var done = j.Status == ReportStatus.Done;
        return new(j.Id, j.Year, j.NodeKind, j.NodeKey, j.NodeName, j.IndicatorKey, j.Status.ToString(), ReportStatusNames.Of(j.Status), j.Percent, j.Message,
            j.RequestedByName, j.RequestedAt, j.FinishedAt, done ? $"/api/v1/monitoring/reports/{j.Id}/pdf" : null, j.PdfBytes,
            done ? $"/api/v1/monitoring/reports/{j.Id}/xlsx" : null, j.XlsxBytes);
    }
}

/// <summary>The report jobs the caller's scope covers (the kernel's filter decides), newest first; one job by id (404 outside scope).</summary>
internal static class ReadReports
{
    public static async Task<IReadOnlyList<ReportJobDto>> ListAsync(MonitoringDbContext db, CancellationToken ct) =>
        (await db.ReportJobs.AsNoTracking().OrderByDescending(j => j.RequestedAt).Take(50).ToListAsync(ct)).Select(ReportJobDto.Of).ToList();

    public static async Task<ReportJobDto> GetAsync(MonitoringDbContext db, Guid id, CancellationToken ct) =>
        ReportJobDto.Of(await db.ReportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("未找到该督导报告"));

    public static async Task<Ok<IReadOnlyList<ReportJobDto>>> ListEndpointAsync(MonitoringDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, ct));

    public static async Task<Ok<ReportJobDto>> GetEndpointAsync(MonitoringDbContext db, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await GetAsync(db, id, ct));
}
