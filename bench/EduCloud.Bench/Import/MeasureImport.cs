using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EduCloud.Bench.Import;

/// <summary>
/// `import`: generates the files once, then runs each measurement in a child process (import-one) so each peak
/// working set is its own: the real import job from .csv and .xlsx into each database, and the EF Core row-by-row
/// baseline on the first --baseline-rows rows. Writes bench/results/import-*.md and prints the table.
/// </summary>
internal static class MeasureImport
{
    public static async Task<int> RunAsync(BenchOptions o, int rows, int baselineRows, int runs, string process)
    {
        var (csv, xlsx) = ImportFiles.Ensure(o.DataRoot, rows);
        var results = new List<ImportRun.Result>();
        foreach (var db in new[] { "postgres", "sqlite" }.Where(d => d == "postgres" ? o.WantsPostgres : o.WantsSqlite))
        {
            for (var r = 0; r < runs; r++)
            {
                foreach (var file in new[] { csv, xlsx })
                {
                    results.Add(await ChildAsync(o, db, file, 0, process));
                }
            }
            results.Add(await ChildAsync(o, db, csv, baselineRows, process));
        }
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"{rows:N0} generated rows (valid IDs), {Environment.ProcessorCount} cores, {runs} run(s) each, medians; {process} process (warm: a small import ran first and the JIT went quiet); EF baseline on the first {baselineRows:N0} rows; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end.");
        md.AppendLine();
        md.AppendLine("| Database | Path | File | Rows | Seconds | Rows/s | Peak working set MiB | vs EF row by row | CPU s app + db | Rows/s if the CPU were free | Load average |");
        md.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var g in results.GroupBy(x => (x.Db, x.Mode, x.File)))
        {
            var rps = Median(g.Select(x => x.RowsPerSecond));
            var ef = results.FirstOrDefault(x => x.Db == g.Key.Db && !x.Mode.StartsWith("import job", StringComparison.Ordinal))?.RowsPerSecond ?? double.NaN;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {g.Key.Db} | {g.Key.Mode} | {g.Key.File} | {g.First().Rows:N0} | {Median(g.Select(x => x.Seconds)):F1} | {rps:N0} | {Median(g.Select(x => x.PeakMiB)):N0} | {rps / ef:F0}x | {Median(g.Select(x => x.CpuSeconds)):F1} + {Median(g.Select(x => x.DbCpuSeconds)):F1} | {Median(g.Select(x => x.RowsPerCpuBudget)):N0} | {Median(g.Select(x => x.LoadAverage)):F0} |");
        }
        Directory.CreateDirectory(o.ResultsRoot);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(o.ResultsRoot, $"import-{stamp}.md"), md.ToString());
        await File.WriteAllTextAsync(Path.Combine(o.ResultsRoot, $"import-{stamp}.json"), JsonSerializer.Serialize(results));
        Console.WriteLine(md);
        return 0;
    }

    private static async Task<ImportRun.Result> ChildAsync(BenchOptions o, string db, string file, int baselineRows, string process)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (!Environment.ProcessPath!.EndsWith("EduCloud.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(MeasureImport).Assembly.Location);
        }
        foreach (var a in new[] { "import-one", "--db", db, "--file", file, "--baseline-rows", baselineRows.ToString(CultureInfo.InvariantCulture), "--postgres", o.PostgresServer, "--process", process })
        {
            start.ArgumentList.Add(a);
        }
        using var child = Process.Start(start)!;
        ImportRun.Result? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<ImportRun.Result>(line[7..]);
                Console.WriteLine($"  {db} {Path.GetFileName(file)} {(baselineRows > 0 ? "EF baseline" : "import")}: {line[7..]}");
            }
        }
        await child.WaitForExitAsync();
        return result ?? throw new InvalidOperationException($"import-one {db} {file} failed (exit {child.ExitCode})");
    }

    private static double Median(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
