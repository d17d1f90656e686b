using System.Security.Cryptography;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Uploads a class list and queues its import. A school administrator imports for their school; a county (or higher)
/// administrator names a school in their scope. The mode has no default: the user chooses it.
/// </summary>
internal static class StartImport
{
    public const long MaxBytes = 512L * 1024 * 1024;

    public sealed record Services(StudentsDbContext Db, IOrganizationDirectory Directory, ImportQueue Queue, AuditTrail Audit, IConfiguration Configuration, TimeProvider Clock);

    public static async Task<ImportJobDto> HandleAsync(Services s, Stream file, string fileName, Guid? schoolId, string? mode, CancellationToken ct)
    {
        var problems = new Problems();
        var importMode = mode?.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "allornothing" => ImportMode.AllOrNothing,
            "validrowsonly" => ImportMode.ValidRowsOnly,
            _ => (ImportMode?)null,
        };
        if (importMode is null)
        {
            problems.Add("mode", "请选择导入方式：全部成功才导入（AllOrNothing）或仅导入正确行（ValidRowsOnly）");
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            problems.Add("file", "请上传.xlsx或.csv文件（可下载模板）");
        }
        var actor = s.Db.Actor;
        var target = schoolId ?? (actor.Scope.ManagedSchools.Count == 1 ? actor.Scope.ManagedSchools[0] : null);
        if (target is null)
        {
            problems.Add("schoolId", "请选择学校");
        }
        problems.ThrowIfAny();
        var school = await s.Directory.FindSchoolAsync(target!.Value, ct) ?? throw new NotFoundException("未找到该学校");
        if (!actor.Scope.CanManage(school.Key))
        {
            await s.Audit.RecordAsync(AuditActions.Denied, "StudentImport", school.Id.ToString(), AuditOutcome.Denied, "import", school.Key, ct);
            throw new ForbiddenException();
        }
        var job = new ImportJob
        {
            Mode = importMode!.Value,
            Status = ImportStatus.Queued,
            FileName = Path.GetFileName(fileName),
            RequestedBy = actor.UserId,
            RequestedByName = actor.DisplayName ?? "system",
            CreatedAt = s.Clock.GetUtcNow().UtcDateTime,
            ProvinceCode = school.Key.ProvinceCode,
            CityCode = school.Key.CityCode,
            CountyCode = school.Key.CountyCode,
            SchoolId = school.Id,
        };
        job.StoredFile = Path.Combine("imports", job.Id + extension);
        var path = Path.Combine(DataDirectory.Imports(s.Configuration), job.Id + extension);
        await using (var output = new FileStream(path, FileMode.Create, FileAccess.Write))
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    output.Close();
                    File.Delete(path);
                    new Problems().Add("file", "文件超过512MB，请分批导入").ThrowIfAny();
                }
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            job.FileHash = Convert.ToHexString(sha.GetHashAndReset());
        }
        s.Db.ImportJobs.Add(job);
        await s.Db.SaveChangesAsync(ct);
        await s.Queue.EnqueueAsync(job.Id, ct);
        return ImportJobDto.Of(job, null);
    }

    public static async Task<Accepted<ImportJobDto>> EndpointAsync(IFormFile file, [Microsoft.AspNetCore.Mvc.FromForm] Guid? schoolId,
        [Microsoft.AspNetCore.Mvc.FromForm] string? mode, [Microsoft.AspNetCore.Http.AsParameters] Services s, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var job = await HandleAsync(s, stream, file.FileName, schoolId, mode, ct);
        return TypedResults.Accepted($"/api/v1/student-imports/{job.Id}", job);
    }
}

/// <summary>What the API and the page show of a job: counts, progress and where the error report is.</summary>
internal sealed record ImportJobDto(Guid Id, Guid? SchoolId, string FileName, ImportMode Mode, ImportStatus Status, int Percent, int Processed,
    int Imported, int Updated, int Unchanged, int Failed, string? Message, string? ErrorReportUrl, DateTime CreatedAt, DateTime? FinishedAt)
{
    public static ImportJobDto Of(ImportJob j, ImportProgress? live)
    {
        var running = live is not null && !j.IsFinished;
        var percent = j.IsFinished ? 100 : running ? (int)Math.Clamp(live!.Fraction * 100, 0, 99) : 0;
        return new ImportJobDto(j.Id, j.SchoolId, j.FileName, j.Mode, j.Status, percent,
            running ? live!.Processed : j.Processed, running ? live!.Imported : j.Imported, running ? live!.Updated : j.Updated,
            running ? live!.Unchanged : j.Unchanged, running ? live!.Failed : j.Failed, j.Message,
            j.ErrorReport is null ? null : $"/api/v1/student-imports/{j.Id}/errors.xlsx", j.CreatedAt, j.FinishedAt);
    }
}
