using EduCloud.Kernel.Errors;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Students.Features.Import;

/// <summary>A job's progress, its error report, its cancellation, and the recent jobs of a school. Scope-filtered:
/// another school's job is "not found".</summary>
internal static class GetImportJob
{
    public static async Task<ImportJobDto> HandleAsync(StudentsDbContext db, ImportQueue queue, Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("未找到该导入任务");
        return ImportJobDto.Of(job, queue.Find(id));
    }

    public static async Task<List<ImportJobDto>> RecentAsync(StudentsDbContext db, ImportQueue queue, Guid? schoolId, CancellationToken ct)
    {
        var jobs = db.ImportJobs.AsNoTracking();
        if (schoolId is { } s)
        {
            jobs = jobs.Where(j => j.SchoolId == s);
        }
        var rows = await jobs.OrderByDescending(j => j.CreatedAt).Take(20).ToListAsync(ct);
        return rows.Select(j => ImportJobDto.Of(j, queue.Find(j.Id))).ToList();
    }

    /// <summary>The report file, or null when the job has none. Same scope rule as the job.</summary>
    public static async Task<string?> ReportPathAsync(StudentsDbContext db, IConfiguration configuration, Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("未找到该导入任务");
        return job.ErrorReport is null ? null : Path.Combine(DataDirectory.Of(configuration), job.ErrorReport);
    }

    public static async Task<ImportJobDto> CancelAsync(StudentsDbContext db, ImportQueue queue, Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("未找到该导入任务");
        if (job.Status == ImportStatus.Queued)
        {
            job.Status = ImportStatus.Cancelled;
            job.Message = "导入已取消，未写入任何数据";
            job.FinishedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        else if (!job.IsFinished)
        {
            queue.CancelRunning(id);
        }
        return ImportJobDto.Of(job, queue.Find(id));
    }

    public static async Task<Ok<ImportJobDto>> EndpointAsync(StudentsDbContext db, ImportQueue queue, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, queue, id, ct));

    public static async Task<Ok<List<ImportJobDto>>> ListEndpointAsync(StudentsDbContext db, ImportQueue queue, Guid? schoolId, CancellationToken ct) =>
        TypedResults.Ok(await RecentAsync(db, queue, schoolId, ct));

    public static async Task<Ok<ImportJobDto>> CancelEndpointAsync(StudentsDbContext db, ImportQueue queue, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await CancelAsync(db, queue, id, ct));

    public static async Task<Results<PhysicalFileHttpResult, NotFound>> ReportEndpointAsync(StudentsDbContext db, IConfiguration configuration, Guid id, CancellationToken ct) =>
        await ReportPathAsync(db, configuration, id, ct) is { } path && File.Exists(path)
            ? TypedResults.PhysicalFile(Path.GetFullPath(path), Spreadsheets.XlsxType, $"错误报告-{id.ToString()[..8]}.xlsx")
            : TypedResults.NotFound();
}
