using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Runs one import job: read → check (in parallel) → match → write, in ONE transaction whatever the mode, so a failed,
/// cancelled or crashed import leaves nothing behind; all-or-nothing with a bad row rolls back, the valid-rows mode
/// commits the good rows. The bad rows go to an .xlsx error report as they are found. One audit line for the batch.
/// </summary>
internal static class RunImport
{
    public static async Task ExecuteAsync(IServiceProvider sp, Guid jobId, CancellationToken stopping)
    {
        var db = sp.GetRequiredService<StudentsDbContext>();
        var queue = sp.GetRequiredService<ImportQueue>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var configuration = sp.GetRequiredService<IConfiguration>();
        var job = await db.ImportJobs.IgnoreQueryFilters().FirstOrDefaultAsync(j => j.Id == jobId, stopping);
        if (job is null || job.Status != ImportStatus.Queued)
        {
            return;
        }
        var progress = queue.Track(jobId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, progress.Cancel.Token);
        var ct = linked.Token;
        var dataDirectory = DataDirectory.Of(configuration);
        var now = clock.GetUtcNow().UtcDateTime;
        job.Status = ImportStatus.Running;
        job.StartedAt = now;
        await db.SaveChangesAsync(stopping);
        try
        {
            await RunAsync(sp, db, job, progress, dataDirectory, now, ct);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            job.Status = ImportStatus.Cancelled;
            job.Message = "导入已取消，未写入任何数据";
        }
        catch (InvalidDataException e)
        {
            job.Status = ImportStatus.Failed;
            job.Message = e.Message.Length > 0 && e.Message.Any(c => c > 0x2E80) ? e.Message : "文件无法读取：请上传.xlsx或.csv格式的学生名单";
        }
        catch (Exception) when (!stopping.IsCancellationRequested)
        {
            job.Status = ImportStatus.Failed;
            job.Message = "导入失败，未写入任何数据";
            throw;
        }
        finally
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != job).ToList())
            {
                entry.State = EntityState.Detached;
            }
            job.Processed = progress.Processed;
            job.Failed = progress.Failed;
            job.FinishedAt ??= clock.GetUtcNow().UtcDateTime;
            // A no-op after a commit that already carried the outcome.
            await db.SaveChangesAsync(CancellationToken.None);
            queue.Forget(jobId);
            TryDelete(Path.Combine(dataDirectory, job.StoredFile));
        }
    }

    private static async Task RunAsync(IServiceProvider sp, StudentsDbContext db, ImportJob job, ImportProgress progress, string dataDirectory,
        DateTime now, CancellationToken ct)
    {
        var directory = sp.GetRequiredService<IOrganizationDirectory>();
        var school = await directory.ListSchoolClassesAsync(job.SchoolId!.Value, DateOnly.FromDateTime(now), ct)
            ?? throw new InvalidDataException("未找到该学校");
        using var reader = new ReadClassList(Path.Combine(dataDirectory, job.StoredFile), job.FileName);
        if (!reader.FindHeader())
        {
            throw new InvalidDataException("未找到表头：第一张工作表应有“姓名”“年级”“班级”及“公民身份号码”等列（可下载模板）");
        }
        var classes = new ClassFinder(school.Classes);
        var today = DateOnly.FromDateTime(now);
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var batches = new WriteImportBatch(db, protector, job, now);
        ErrorReport? report = null;
        // Stops the reader and checker stages too when the writer gives up (an error, not only a cancel).
        using var stages = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var match = await MatchImportRows.OpenAsync(sp, job, school, now, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // The writer's own queries (updates of re-uploaded records) by index too: without statistics for the rows this
            // transaction is adding, PostgreSQL's default selectivity chose sequential scans (quadratic). The look-ups run
            // on MatchImportRows' connection, which sets the same.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        }
        try
        {
            // Four stages, each batch passing through them in file order over bounded channels (ADR 0034): read, check and
            // encrypt (several batches at once), match against the file and the database (its own connection), write.
            var checkedBatches = CheckRowsInParallel.Start(reader.StartReading(stages.Token), reader.ColumnMap!, classes, today, protector, stages.Token);
            var matchedBatches = match.Start(checkedBatches, stages.Token);
            await foreach (var batch in matchedBatches.ReadAllAsync(ct))
            {
                await batches.RunAsync(batch, ct);
                var list = batch.Rows;
                foreach (var bad in list.Where(r => !r.IsValid))
                {
                    report ??= new ErrorReport(Path.Combine(dataDirectory, "imports", job.Id + "-errors.xlsx"), reader.HeaderCells);
                    report.Add(bad);
                    progress.Failed++;
                }
                progress.Processed += list.Count;
                (progress.Imported, progress.Updated, progress.Unchanged) = (batches.Imported, batches.Updated, batches.Unchanged);
                progress.Fraction = reader.Fraction;
            }
            job.Total = progress.Processed;
            if (report is not null)
            {
                report.Dispose();
                job.ErrorReport = Path.Combine("imports", job.Id + "-errors.xlsx");
            }
            if (job.Mode == ImportMode.AllOrNothing && progress.Failed > 0)
            {
                await transaction.RollbackAsync(ct);
                job.Status = ImportStatus.Rejected;
                job.Message = $"有{progress.Failed}行数据有误，按“全部成功才导入”未写入任何数据；请下载错误报告，修改后重新上传";
                // The counts go out with the finished status: a job read in between showed "rejected, 0 failed rows"
                // (the DTO reads a finished job's counts from its row; seen once in a PostgreSQL test run).
                (job.Processed, job.Failed, job.FinishedAt) = (progress.Processed, progress.Failed, DateTime.UtcNow);
                await AuditAsync(db, job, progress, AuditOutcome.Failed, CancellationToken.None);
                return;
            }
            (job.Imported, job.Updated, job.Unchanged) = (batches.Imported, batches.Updated, batches.Unchanged);
            if (job.Imported + job.Updated > 0)
            {
                await CensusKeeper.RecountSchoolsAsync(db, [job.SchoolId!.Value], ct);
            }
            ct.ThrowIfCancellationRequested();
            // The job's outcome commits with the data: a crash after this point cannot leave it saying "running".
            job.Status = ImportStatus.Succeeded;
            job.Message = progress.Failed > 0
                ? $"已导入正确的{job.Imported + job.Updated + job.Unchanged}行（新增{job.Imported}，更新{job.Updated}）；{progress.Failed}行有误未导入，请下载错误报告修改后只上传这些行"
                : $"导入完成：新增{job.Imported}人，更新{job.Updated}人，未变化{job.Unchanged}人";
            (job.Processed, job.Failed, job.FinishedAt) = (progress.Processed, progress.Failed, DateTime.UtcNow);
            await AuditAsync(db, job, progress, AuditOutcome.Success, ct);
            await db.CommitAsync(transaction, CancellationToken.None);
        }
        finally
        {
            await stages.CancelAsync();
            report?.Dispose();
            batches.Dispose();
        }
    }

    /// <summary>One line for the whole batch, in the import's transaction when it commits; counts only, no row content.</summary>
    private static async Task AuditAsync(StudentsDbContext db, ImportJob job, ImportProgress progress, AuditOutcome outcome, CancellationToken ct)
    {
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = DateTime.UtcNow,
            ActorId = job.RequestedBy,
            ActorName = job.RequestedByName,
            Action = "import",
            EntityType = "StudentImport",
            EntityId = job.Id.ToString(),
            Details = $"mode={job.Mode} rows={progress.Processed} imported={job.Imported} updated={job.Updated} unchanged={job.Unchanged} failed={progress.Failed} file={job.FileHash[..16]}",
            Outcome = outcome,
            ProvinceCode = job.ProvinceCode,
            CityCode = job.CityCode,
            CountyCode = job.CountyCode,
            SchoolId = job.SchoolId,
        });
        await db.SaveChangesAsync(ct);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover upload is removed with the next clean-up; it never blocks the result.
        }
    }
}
