using EduCloud.Kernel.Audit;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Features.Import;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Cli;

/// <summary>
/// import-students --school CODE --file x.xlsx --mode all-or-nothing|valid-rows-only: the same job as the page, run
/// in this process with its progress printed; the error report path is printed when there are bad rows.
/// </summary>
internal static class ImportStudentsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, Dictionary<string, string> options, CancellationToken ct)
    {
        await Startup.MigrateAsync(services, ct);
        if (!options.TryGetValue("school", out var code) || !options.TryGetValue("file", out var file) || !File.Exists(file))
        {
            Console.Error.WriteLine("用法: import-students --school <学校标识码或ID> --file <x.xlsx|x.csv> --mode all-or-nothing|valid-rows-only");
            return 2;
        }
        using var scope = CliCommands.PlatformScope(services);
        var sp = scope.ServiceProvider;
        var schoolId = Guid.TryParse(code, out var id) ? id : await FindSchoolByCodeAsync(sp, code, ct);
        if (schoolId is null)
        {
            Console.Error.WriteLine($"未找到学校 {code}");
            return 2;
        }
        var queue = sp.GetRequiredService<ImportQueue>();
        var s = new StartImport.Services(sp.GetRequiredService<StudentsDbContext>(), sp.GetRequiredService<IOrganizationDirectory>(), queue,
            sp.GetRequiredService<AuditTrail>(), configuration, sp.GetRequiredService<TimeProvider>());
        ImportJobDto job;
        await using (var stream = File.OpenRead(file))
        {
            job = await StartImport.HandleAsync(s, stream, Path.GetFileName(file), schoolId, options.GetValueOrDefault("mode"), ct);
        }
        // The CLI does not run the hosted worker: run the job here and print the live figures while it goes.
        using var runScope = CliCommands.PlatformScope(services);
        var run = RunImport.ExecuteAsync(runScope.ServiceProvider, job.Id, ct);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(500, ct));
            if (queue.Find(job.Id) is { } p)
            {
                Console.Write($"\r导入中 {p.Fraction * 100,5:F1}%  已处理 {p.Processed:N0}  新增 {p.Imported:N0}  错误行 {p.Failed:N0}   ");
            }
        }
        await run;
        var done = await GetImportJob.HandleAsync(sp.GetRequiredService<StudentsDbContext>(), queue, job.Id, ct);
        Console.WriteLine();
        Console.WriteLine($"{done.Status}: {done.Message}");
        if (done.ErrorReportUrl is not null)
        {
            Console.WriteLine($"错误报告 (error report): {Path.GetFullPath(Path.Combine(configuration["DataDirectory"] ?? "data", "imports", job.Id + "-errors.xlsx"))}");
        }
        return done.Status == Students.Domain.ImportStatus.Succeeded ? 0 : 1;
    }

    private static async Task<Guid?> FindSchoolByCodeAsync(IServiceProvider sp, string code, CancellationToken ct)
    {
        var org = sp.GetRequiredService<Organization.Data.OrganizationDbContext>();
        return await org.Schools.IgnoreQueryFilters().Where(x => x.Code == code).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
    }
}
