using System.Diagnostics;
using EduCloud.Bench.Dataset;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Bench.Xapi;

/// <summary>
/// A fresh database holding the demo province, made by the product's own `seed-demo` command (the real server
/// process), for the issue 5 benches: the demo teacher, classes, item bank and accounts. Cached under bench/data
/// with a marker; the xAPI store and the exam students are added on top by their benches (with their own markers).
/// </summary>
internal static class DemoDataset
{
    public static DatasetSpec For(BenchOptions o, bool postgres, string name)
    {
        name += o.DatasetSuffix;
        var directory = Path.Combine(o.DataRoot, $"{name}-{(postgres ? "postgres" : "sqlite")}");
        return postgres
            ? new DatasetSpec("Postgres", 0, 0, directory, $"{o.PostgresServer};Database=educloud_bench_{name}")
            : new DatasetSpec("Sqlite", 0, 0, directory, $"Data Source={Path.Combine(directory, "educloud.db")}");
    }

    public static string DatabaseName(DatasetSpec spec) => new NpgsqlConnectionStringBuilder(spec.ConnectionString).Database!;

    public static async Task<DatasetSpec> EnsureAsync(BenchOptions o, bool postgres, string name)
    {
        var spec = For(o, postgres, name);
        var marker = Path.Combine(spec.DataDirectory, "demo.complete");
        if (!o.Regenerate && File.Exists(marker))
        {
            Console.WriteLine($"[{spec.Label}] demo dataset cached at {spec.DataDirectory}");
            return spec;
        }
        if (Directory.Exists(spec.DataDirectory))
        {
            Directory.Delete(spec.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(spec.DataDirectory);
        if (postgres)
        {
            await using var admin = new NpgsqlConnection(o.PostgresServer + ";Database=postgres");
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(spec)}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName(spec)}\"", admin).ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(o.ServerDll)!, UseShellExecute = false };
        psi.ArgumentList.Add(o.ServerDll);
        psi.ArgumentList.Add("seed-demo");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in spec.Configuration())
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        using var process = Process.Start(psi)!;
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(20)).Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed-demo exited with {process.ExitCode}");
        }
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(marker, $"seed-demo in {clock.Elapsed.TotalSeconds:F0} s on {DateTime.UtcNow:O}\n");
        Console.WriteLine($"[{spec.Label}] demo seeded in {clock.Elapsed.TotalSeconds:F0} s");
        return spec;
    }
}
