using System.Data.Common;
using System.Diagnostics;
using EduCloud.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Bench.Dataset;

/// <summary>
/// Fills a fresh database: the real migrations first (Startup.MigrateAsync on a host configured like the server),
/// then 500k schools over the real counties and 5M accounts, then the county administrators the load driver uses.
/// A finished dataset leaves a marker, so reruns skip generation.
/// </summary>
internal static class GenerateDataset
{
    public static async Task<DatasetSpec> EnsureAsync(BenchOptions o, bool postgres, IReadOnlyList<string> adminCounties)
    {
        var spec = DatasetSpec.For(o, postgres);
        if (!o.Regenerate && File.Exists(spec.CompleteMarker))
        {
            Console.WriteLine($"[{spec.Label}] dataset cached at {spec.DataDirectory}");
            return spec;
        }
        var clock = Stopwatch.StartNew();
        await ResetAsync(o, spec);
        await MigrateAsync(spec);
        Console.WriteLine($"[{spec.Label}] migrated in {clock.Elapsed.TotalSeconds:F1} s");

        var counties = await ReadCountiesAsync(spec);
        var schools = SyntheticRows.BuildSchools(counties, spec.Schools);
        var hasher = new PasswordHasher<object>();
        var sharedHash = hasher.HashPassword(new object(), "not-a-real-password-" + Guid.NewGuid());
        var admins = adminCounties.Select(c => new AdminRow(Guid.CreateVersion7(), DatasetSpec.AdminUserName(c), c, hasher.HashPassword(new object(), DatasetSpec.AdminPassword))).ToList();

        var tables = new[] { BulkTables.Schools, BulkTables.Accounts };
        void Progress(string what, long n) => Console.WriteLine($"[{spec.Label}] {what}: {n:N0} rows, {clock.Elapsed.TotalSeconds:F0} s");
        if (spec.IsPostgres)
        {
            await using var load = new LoadPostgres(spec.ConnectionString);
            await load.BeginAsync(tables);
            await load.InsertAsync(BulkTables.Schools, SchoolRows(schools), n => Progress("schools", n));
            await load.InsertAsync(BulkTables.Accounts, AccountRows(schools, spec.Accounts, sharedHash), n => Progress("accounts", n));
            await load.InsertAsync(BulkTables.Accounts, admins.Select(Fill(BulkTables.Accounts, SyntheticRows.FillAdmin)));
            await load.InsertAsync(BulkTables.Assignments, admins.Select(Fill(BulkTables.Assignments, SyntheticRows.FillAssignment)));
            Console.WriteLine($"[{spec.Label}] rebuilding indexes and analysing");
            await load.FinishAsync();
        }
        else
        {
            await using var load = new LoadSqlite(spec.ConnectionString);
            await load.BeginAsync(tables);
            await load.InsertAsync(BulkTables.Schools, SchoolRows(schools), n => Progress("schools", n));
            await load.InsertAsync(BulkTables.Accounts, AccountRows(schools, spec.Accounts, sharedHash), n => Progress("accounts", n));
            await load.InsertAsync(BulkTables.Accounts, admins.Select(Fill(BulkTables.Accounts, SyntheticRows.FillAdmin)));
            await load.InsertAsync(BulkTables.Assignments, admins.Select(Fill(BulkTables.Assignments, SyntheticRows.FillAssignment)));
            Console.WriteLine($"[{spec.Label}] rebuilding indexes");
            await load.FinishAsync();
        }
        await File.WriteAllTextAsync(spec.CompleteMarker, $"{spec.Schools} schools, {spec.Accounts} accounts, generated in {clock.Elapsed.TotalSeconds:F0} s on {DateTime.UtcNow:O}\n");
        Console.WriteLine($"[{spec.Label}] dataset ready in {clock.Elapsed.TotalSeconds:F0} s");
        return spec;
    }

    private static Func<AdminRow, object?[]> Fill(BulkTable table, Action<AdminRow, object?[]> fill) => a =>
    {
        var v = new object?[table.Columns.Length];
        fill(a, v);
        return v;
    };

    private static IEnumerable<object?[]> SchoolRows(SchoolRow[] schools)
    {
        var v = new object?[BulkTables.Schools.Columns.Length];
        foreach (var s in schools)
        {
            SyntheticRows.FillSchool(s, v);
            yield return v;
        }
    }

    private static IEnumerable<object?[]> AccountRows(SchoolRow[] schools, int count, string passwordHash)
    {
        var v = new object?[BulkTables.Accounts.Columns.Length];
        for (var j = 0; j < count; j++)
        {
            SyntheticRows.FillAccount(j, schools[j % schools.Length], passwordHash, v);
            yield return v;
        }
    }

    private static async Task ResetAsync(BenchOptions o, DatasetSpec spec)
    {
        if (Directory.Exists(spec.DataDirectory))
        {
            Directory.Delete(spec.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(spec.DataDirectory);
        if (spec.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(o.PostgresServer + ";Database=postgres");
            await connection.OpenAsync();
            var name = DatasetSpec.DatabaseName(o);
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection).ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>The real migrate step, on a host built with the server's own composition and configuration keys.</summary>
    private static async Task MigrateAsync(DatasetSpec spec)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(spec.Configuration());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF logs its first probe of the (not yet existing) history table as an error; expected on a fresh database.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.AddEduCloud();
        await using var app = builder.Build();
        await Startup.MigrateAsync(app.Services, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<List<County>> ReadCountiesAsync(DatasetSpec spec)
    {
        await using DbConnection connection = spec.IsPostgres ? new NpgsqlConnection(spec.ConnectionString) : new SqliteConnection(spec.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var table = spec.IsPostgres ? "\"organization\".\"org_region\"" : "org_region";
        command.CommandText = $"SELECT \"Code\", \"Name\" FROM {table} WHERE \"Level\" = 3 AND \"RetiredOn\" IS NULL ORDER BY \"Code\"";
        var counties = new List<County>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counties.Add(new County(reader.GetString(0), reader.GetString(1)));
        }
        if (counties.Count < 100)
        {
            throw new InvalidOperationException($"expected the real county list in org_region, found {counties.Count}");
        }
        return counties;
    }
}
