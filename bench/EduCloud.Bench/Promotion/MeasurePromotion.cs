using System.Diagnostics;
using System.Globalization;
using EduCloud.Identity;
using EduCloud.Kernel.Codes;
using EduCloud.Organization.Contracts;
using EduCloud.Organization.Data;
using EduCloud.Organization.Features.Calendar;
using EduCloud.Organization.Features.Classes;
using EduCloud.Organization.Features.Grades;
using EduCloud.Organization.Features.Schools;
using EduCloud.Server;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Students.Features.Lifecycle;
using Npgsql;

namespace EduCloud.Bench.Promotion;

/// <summary>
/// Year-end promotion of one 3,000-student primary school (grades 1-6, ten classes each, 50 per class) through the
/// product's PromoteSchool handler, on a fresh database per run. The peer in the same run is the same school's records
/// written once with EF Core AddRange + one SaveChanges (the cheapest way EF writes 3,000 rows), so the ratio says
/// what promotion costs beyond a bulk write of the same size.
/// </summary>
internal static class MeasurePromotion
{
    private const int Students = 3_000;

    public static async Task<string> RunAsync(BenchOptions o)
    {
        var rows = new List<string>();
        foreach (var postgres in new[] { false, true })
        {
            if (postgres ? !o.WantsPostgres : !o.WantsSqlite)
            {
                continue;
            }
            var promote = new List<double>();
            var write = new List<double>();
            for (var run = 0; run < o.Runs; run++)
            {
                var (seedMs, promoteMs) = await OneRunAsync(o, postgres, run);
                write.Add(seedMs);
                promote.Add(promoteMs);
                Console.WriteLine($"{(postgres ? "postgres" : "sqlite")} run {run + 1}: write {seedMs:F0} ms, promotion {promoteMs:F0} ms");
            }
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {(postgres ? "PostgreSQL" : "SQLite")} | {Students:N0} | {Median(promote):F0} | {Median(write):F0} | {Median(promote) / Median(write):F2} | {o.Runs} |"));
        }
        return "| Database | Students | Promotion median ms | EF AddRange+SaveChanges of the same rows, median ms | Ratio | Runs |\n"
            + "|---|---:|---:|---:|---:|---:|\n" + string.Join("\n", rows) + "\n";
    }

    private static async Task<(double SeedMs, double PromoteMs)> OneRunAsync(BenchOptions o, bool postgres, int run)
    {
        var dir = Path.Combine(o.DataRoot, "promotion");
        Directory.CreateDirectory(dir);
        string connection;
        if (postgres)
        {
            var database = "educloud_bench_promotion";
            // The previous run's pool still holds connections to the database about to be dropped.
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(o.PostgresServer))
            {
                await admin.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
                await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
            }
            connection = new NpgsqlConnectionStringBuilder(o.PostgresServer) { Database = database }.ConnectionString;
        }
        else
        {
            var file = Path.Combine(dir, $"promotion-{run}.db");
            foreach (var f in Directory.GetFiles(dir, $"promotion-{run}.db*"))
            {
                File.Delete(f);
            }
            connection = $"Data Source={file}";
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connection,
            ["DataDirectory"] = dir,
            ["Demo:SeedOnStart"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.AddEduCloud();
        await using var app = builder.Build();
        await Startup.MigrateAsync(app.Services, CancellationToken.None);

        var schoolId = await SeedSchoolAsync(app.Services);
        using var scope = app.Services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<StudentsDbContext>();
        var records = await BuildRecordsAsync(sp.GetRequiredService<IOrganizationDirectory>(), schoolId);
        var seed = Stopwatch.StartNew();
        db.Students.AddRange(records);
        await db.SaveChangesAsync();
        seed.Stop();
        db.ChangeTracker.Clear();

        var promote = Stopwatch.StartNew();
        var result = await PromoteSchool.HandleAsync(db, sp.GetRequiredService<IOrganizationDirectory>(), TimeProvider.System,
            new PromoteSchool.Request(schoolId, null, null, null), CancellationToken.None);
        promote.Stop();
        if (result.Promoted + result.Graduated != Students)
        {
            throw new InvalidOperationException($"promotion moved {result.Promoted + result.Graduated} of {Students} students");
        }
        return (seed.Elapsed.TotalMilliseconds, promote.Elapsed.TotalMilliseconds);
    }

    private static async Task<Guid> SeedSchoolAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        var org = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var year = await CreateAcademicYear.HandleAsync(org, new CreateAcademicYear.Request(2026, null, null, null), CancellationToken.None);
        await CreateAcademicYear.HandleAsync(org, new CreateAcademicYear.Request(2027, null, null, null), CancellationToken.None);
        var school = await CreateSchool.HandleAsync(org, TimeProvider.System,
            new CreateSchool.Request("2152010299", "基准测试小学", ["Primary"], "Urban", "520102", "基准路1号"), CancellationToken.None);
        for (var level = 1; level <= 6; level++)
        {
            var grade = await CreateGrade.HandleAsync(org, TimeProvider.System, new CreateGrade.Request(school.Id, year.Id, "Primary", level), CancellationToken.None);
            for (var number = 1; number <= 10; number++)
            {
                await CreateClass.HandleAsync(org, TimeProvider.System, new CreateClass.Request(grade.Id, number, null, null), CancellationToken.None);
            }
        }
        return school.Id;
    }

    private static async Task<List<StudentRecord>> BuildRecordsAsync(IOrganizationDirectory directory, Guid schoolId)
    {
        var classes = await directory.ListClassesAsync([schoolId], CancellationToken.None);
        var placements = await directory.FindPlacementsAsync(classes.Select(c => c.Id).ToList(), CancellationToken.None);
        var now = DateTime.UtcNow;
        var records = new List<StudentRecord>(Students);
        var ordered = placements.Values.OrderBy(p => p.Level).ThenBy(p => p.Number).ToList();
        for (var i = 0; i < Students; i++)
        {
            var p = ordered[i % ordered.Count];
            var birth = new DateOnly(2020 - p.Level, 9, 1).AddDays(i % 365);
            var first17 = "520102" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i % 1000).ToString("D3", CultureInfo.InvariantCulture);
            var id = first17 + CitizenId.ComputeCheckCharacter(first17);
            var record = new StudentRecord
            {
                StudentNumber = "G" + id, Name = "学生" + i, Sex = (i % 1000) % 2 == 1 ? Sex.Male : Sex.Female, BirthDate = birth,
                EthnicityCode = i % 5 == 0 ? "06" : "01", Status = EnrolmentStatus.Enrolled, Stage = p.Stage, GradeLevel = p.Level, GradeId = p.GradeId,
                EntryYear = p.EntryYear, UrbanRural = p.UrbanRural, CreatedAt = now, UpdatedAt = now,
            };
            record.PlaceAt(p.Key);
            records.Add(record);
        }
        return records;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
