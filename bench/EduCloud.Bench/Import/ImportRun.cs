using System.Diagnostics;
using System.Text.Json;
using EduCloud.Identity;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Calendar;
using EduCloud.Server;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Students.Features.Import;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Bench.Import;

/// <summary>
/// One measurement in a process of its own (so the peak working set is this import's): a fresh database through
/// the real migrations, one school with 6 grades x 20 classes, then either the real import job (StartImport +
/// RunImport, exactly what the worker and CLI run) or the EF Core row-by-row baseline. Prints one JSON line.
/// </summary>
internal static class ImportRun
{
    public sealed record Result(string Db, string Mode, string File, int Rows, double Seconds, double RowsPerSecond, int Imported, int Failed, double PeakMiB, double GcHeapMiB,
        double CpuSeconds = 0, double DbCpuSeconds = 0, double LoadAverage = 0)
    {
        /// <summary>Rows per second the measured CPU work would give on this machine's cores if nothing else ran.</summary>
        public double RowsPerCpuBudget => CpuSeconds + DbCpuSeconds > 0 ? Math.Round(Rows / ((CpuSeconds + DbCpuSeconds) / Environment.ProcessorCount)) : 0;
    }

    private static string? _admin, _database;
    private static bool _warm;

    public static async Task<int> RunAsync(string db, string file, int baselineRows, BenchOptions o, bool warm, string ceiling = "no")
    {
        _warm = warm;
        var work = Path.Combine(o.DataRoot, "import-run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var pgName = "educloud_bench_import_" + Guid.NewGuid().ToString("N")[..8];
        var postgres = db == "postgres";
        if (postgres)
        {
            await using var c = new NpgsqlConnection(o.PostgresServer);
            await c.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{pgName}\"", c).ExecuteNonQueryAsync();
        }
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataDirectory"] = work,
                ["Database:Provider"] = postgres ? "Postgres" : "Sqlite",
                ["Database:ConnectionString"] = postgres ? new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = pgName }.ConnectionString : $"Data Source={Path.Combine(work, "bench.db")}",
                ["Demo:SeedOnStart"] = "false",
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
            builder.AddEduCloud();
            await using var app = builder.Build();
            await Startup.MigrateAsync(app.Services, CancellationToken.None);
            var schoolId = await CreateSchoolAsync(app.Services);
            (_admin, _database) = postgres ? (o.PostgresServer, pgName) : (null, null);
            var result = baselineRows > 0 ? await BaselineAsync(app.Services, db, file, schoolId, baselineRows) : await RealAsync(app.Services, db, file, schoolId);
            Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
            if (ceiling != "no" && baselineRows == 0)
            {
                var ceilings = postgres
                    ? await MeasureCeiling.PostgresAsync(new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = pgName }.ConnectionString, o.PostgresServer, pgName, ceiling == "per-index")
                    : MeasureCeiling.Sqlite(Path.Combine(work, "bench.db"), work, ceiling == "per-index");
                foreach (var c in ceilings)
                {
                    Console.WriteLine($"CEILING {JsonSerializer.Serialize(c)} import/ceiling {result.RowsPerSecond / c.RowsPerSecond:P0}");
                }
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (postgres)
            {
                await using var c = new NpgsqlConnection(o.PostgresServer);
                await c.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgName}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
            }
            Directory.Delete(work, true);
        }
    }

    private static async Task<Result> RealAsync(IServiceProvider services, string db, string file, Guid schoolId)
    {
        using var scope = services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        var sp = scope.ServiceProvider;
        var queue = sp.GetRequiredService<ImportQueue>();
        var s = new StartImport.Services(sp.GetRequiredService<StudentsDbContext>(), sp.GetRequiredService<EduCloud.Organization.Contracts.IOrganizationDirectory>(),
            queue, sp.GetRequiredService<EduCloud.Kernel.Audit.AuditTrail>(), sp.GetRequiredService<IConfiguration>(), TimeProvider.System);
        if (_warm)
        {
            await WarmUpAsync(services, s, file, schoolId);
        }
        var meter = await CpuMeter.StartAsync(_admin, _database);
        var clock = Stopwatch.StartNew();
        var job = await ImportAsync(services, s, file, schoolId);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = await meter.StopAsync();
        var done = await GetImportJob.HandleAsync(sp.GetRequiredService<StudentsDbContext>(), queue, job.Id, CancellationToken.None);
        if (done.Status != ImportStatus.Succeeded)
        {
            throw new InvalidOperationException($"import {done.Status}: {done.Message}");
        }
        return Finish(db, _warm ? "import job, warm process" : "import job", file, done.Processed, seconds, done.Imported, done.Failed) with { CpuSeconds = Math.Round(cpu.Process, 2), DbCpuSeconds = Math.Round(cpu.Database, 2) };
    }

    private static async Task<ImportJobDto> ImportAsync(IServiceProvider services, StartImport.Services s, string file, Guid schoolId)
    {
        ImportJobDto job;
        await using (var stream = File.OpenRead(file))
        {
            job = await StartImport.HandleAsync(s, stream, Path.GetFileName(file), schoolId, "AllOrNothing", CancellationToken.None);
        }
        using var run = services.CreateScope();
        IdentityModule.ActAsPlatform(run.ServiceProvider);
        await RunImport.ExecuteAsync(run.ServiceProvider, job.Id, CancellationToken.None);
        return job;
    }

    /// <summary>
    /// --warm: what a running server is like when an import arrives. The process has just started, so the JIT is still
    /// re-compiling thousands of start-up methods (EF models, migrations) and the import's own code runs unoptimised at
    /// first; on a 100,000-row file that was over half the process's CPU. So: one small import of the same format and
    /// school that ends with a bad row (all-or-nothing: every stage runs, the writes are rolled back, nothing stays),
    /// then wait until the JIT has gone quiet (bounded).
    /// </summary>
    private static async Task WarmUpAsync(IServiceProvider services, StartImport.Services s, string file, Guid schoolId)
    {
        var warm = Path.Combine(s.Configuration["DataDirectory"]!, "warm-up" + Path.GetExtension(file));
        ImportFiles.WriteWarmUp(warm, 3 * ReadClassList.BatchSize);
        var job = await ImportAsync(services, s, warm, schoolId);
        File.Delete(warm);
        var done = await GetImportJob.HandleAsync(s.Db, s.Queue, job.Id, CancellationToken.None);
        if (done.Status != ImportStatus.Rejected || done.Imported != 0)
        {
            throw new InvalidOperationException($"warm-up import {done.Status}: {done.Message}");
        }
        var quiet = 0;
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < 120 && quiet < 3; i++)
        {
            await Task.Delay(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now - count < 5 ? quiet + 1 : 0;
            count = now;
        }
    }

    /// <summary>The same reading and checks, then EF Core Add + SaveChanges per row: what a plain importer does.</summary>
    private static async Task<Result> BaselineAsync(IServiceProvider services, string db, string file, Guid schoolId, int rows)
    {
        using var scope = services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        var sp = scope.ServiceProvider;
        var students = sp.GetRequiredService<StudentsDbContext>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var school = (await sp.GetRequiredService<EduCloud.Organization.Contracts.IOrganizationDirectory>().ListSchoolClassesAsync(schoolId, DateOnly.FromDateTime(DateTime.Today), default))!;
        var classes = new ClassFinder(school.Classes);
        using var reader = new ReadClassList(file, file);
        reader.FindHeader();
        var meter = await CpuMeter.StartAsync(_admin, _database);
        var clock = Stopwatch.StartNew();
        var done = 0;
        await foreach (var batch in reader.StartReading(default).ReadAllAsync())
        {
            foreach (var row in batch)
            {
                if (done == rows)
                {
                    break;
                }
                var d = ValidateRow.Check(row, reader.ColumnMap!, classes, DateOnly.FromDateTime(DateTime.Today));
                var record = new StudentRecord
                {
                    StudentNumber = d.StudentNumber, Name = d.Name, Sex = d.Sex, BirthDate = d.BirthDate, CitizenIdCipher = protector.Protect(d.CitizenId!),
                    CitizenIdHash = protector.Hash(d.CitizenId!), CitizenIdMasked = CitizenId.Mask(d.CitizenId!), EthnicityCode = d.EthnicityCode,
                    Stage = d.Class!.Stage, GradeLevel = d.Class.Level, GradeId = d.Class.GradeId, EntryYear = d.EntryYear, Status = EnrolmentStatus.Enrolled,
                    Guardians = [new Guardian { Name = d.GuardianName ?? "", Relation = d.GuardianRelation ?? "", PhoneCipher = protector.Protect(d.GuardianPhone!) }],
                    CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                };
                record.PlaceAt(d.Class.Key);
                students.Students.Add(record);
                students.StatusChanges.Add(new StatusChange { StudentId = record.Id, Kind = ChangeKind.Admission, ReasonCode = "11", ToStatus = EnrolmentStatus.Enrolled,
                    EffectiveOn = new DateOnly(d.EntryYear, 9, 1), RecordedAt = DateTime.UtcNow, ProvinceCode = record.ProvinceCode, CityCode = record.CityCode,
                    CountyCode = record.CountyCode, SchoolId = record.SchoolId, ClassId = record.ClassId });
                await students.SaveChangesAsync();
                students.ChangeTracker.Clear();
                done++;
            }
            if (done == rows)
            {
                break;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = await meter.StopAsync();
        return Finish(db, "EF Core row by row", file, done, seconds, done, 0) with { CpuSeconds = Math.Round(cpu.Process, 2), DbCpuSeconds = Math.Round(cpu.Database, 2) };
    }

    private static Result Finish(string db, string mode, string file, int rows, double seconds, int imported, int failed)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new Result(db, mode, Path.GetExtension(file).TrimStart('.'), rows, Math.Round(seconds, 2), Math.Round(rows / seconds), imported, failed,
            Math.Round(self.PeakWorkingSet64 / 1048576.0), Math.Round(GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0),
            LoadAverage: double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<Guid> CreateSchoolAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var startYear = DateTime.Today.Month >= 9 ? DateTime.Today.Year : DateTime.Today.Year - 1;
        var year = await CreateAcademicYear.HandleAsync(db, new CreateAcademicYear.Request(startYear, null, null, null), default);
        var school = new School { Code = "2152000001", Name = "基准测试小学", TypeCode = "21", Stages = StageSet.Primary, UrbanRural = UrbanRural.Urban, RegionCode = "520102", Address = "测试路" };
        school.PlaceInCounty("520102");
        school.SchoolId = school.Id;
        db.Schools.Add(school);
        for (var level = 1; level <= 6; level++)
        {
            var grade = new Grade { AcademicYearId = year.Id, Stage = Stage.Primary, Level = level, Name = GradeNames.For(Stage.Primary, level), EntryYear = startYear - level + 1, SchoolId = school.Id };
            grade.PlaceInCounty("520102");
            db.Grades.Add(grade);
            for (var n = 1; n <= ImportFiles.ClassesPerGrade; n++)
            {
                var cls = new ClassGroup { GradeId = grade.Id, Number = n, Name = n + "班", SchoolId = school.Id };
                cls.PlaceInCounty("520102");
                cls.ClassId = cls.Id;
                db.Classes.Add(cls);
            }
        }
        await db.SaveChangesAsync();
        return school.Id;
    }
}
