using EduCloud.Bench.Dataset;
using EduCloud.Bench.Load;

namespace EduCloud.Bench;

/// <summary>
/// dotnet run -c Release --project bench/EduCloud.Bench -- [generate|throughput|coldstart|all] [--schools N] [--accounts N] [--db sqlite|postgres|both]
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var o = BenchOptions.Parse(args);
        Console.WriteLine($"EduCloud bench: {o.Command}, {o.Schools:N0} schools, {o.Accounts:N0} accounts, db={o.Databases}");
        var counties = new[] { o.County };
        var results = new List<BenchResult>();
        foreach (var postgres in new[] { false, true })
        {
            if (postgres ? !o.WantsPostgres : !o.WantsSqlite)
            {
                continue;
            }
            var spec = await GenerateDataset.EnsureAsync(o, postgres, counties);
            if (o.Command is "throughput" or "all")
            {
                results.Add(await MeasureThroughput.RunAsync(o, spec));
            }
            if (o.Command is "coldstart" or "all")
            {
                results.Add(await MeasureColdStart.RunAsync(o, spec));
            }
        }
        if (results.Count > 0)
        {
            await ResultsFile.WriteAsync(o, results);
        }
        return 0;
    }
}
