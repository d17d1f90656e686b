using System.Diagnostics;
using System.Globalization;
using EduCloud.Monitoring;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;

namespace EduCloud.Bench.Monitoring;

/// <summary>
/// The monitoring indicator recompute, in memory as the product does it on every province approval: N schools'
/// approved returns (random figures, 31 provinces × 10 cities × 10 counties), the shipped catalogue of 11 indicators.
/// Measures (a) computing every school's values from its return, (b) the full five-level rollup from those values
/// (what one approval costs), as medians over the runs.
/// dotnet run -c Release --project bench/EduCloud.Bench -- monitoring [--schools 10000] [--runs 7]
/// </summary>
internal static class MeasureIndicatorRollup
{
    public static string Run(int schools, int runs)
    {
        var indicators = MonitoringModule.IndicatorRows().Select(CompiledIndicator.Of).ToList();
        var random = new Random(2026);
        var returns = Enumerable.Range(0, schools).Select(i => Return(i, random)).ToList();
        var compute = new List<double>();
        var rollup = new List<double>();
        IndicatorRollup? last = null;
        for (var run = 0; run < runs + 1; run++)
        {
            var watch = Stopwatch.StartNew();
            var figures = returns.ToDictionary(r => r.School, r => SchoolFigures.Compute(indicators, r));
            var computeMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            last = IndicatorRollup.Build(indicators, figures);
            var rollupMs = watch.Elapsed.TotalMilliseconds;
            if (run > 0) // the first run warms the JIT
            {
                compute.Add(computeMs);
                rollup.Add(rollupMs);
            }
        }
        var nation = last!.Nodes[IndicatorRollup.National];
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Join('\n',
            $"Monitoring indicator recompute, {schools:N0} schools × {indicators.Count} indicators, median of {runs} runs (load average {load})",
            "",
            "| Step | Median ms |",
            "|---|---|",
            $"| Values of every school from its approved return | {Median(compute):F1} |",
            $"| Full five-level rollup (one approval's cost) | {Median(rollup):F1} |",
            "",
            $"Check: nation has {nation.Schools:N0} schools, bandwidth per class met by {nation.Met[1]:N0} of {nation.WithTarget[1]:N0}.");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    internal static AnnualReturn Return(int i, Random random)
    {
        var province = 11 + i % 31;
        var city = province * 100 + 1 + i / 31 % 10;
        var county = city * 100 + 1 + i / 310 % 10;
        var classes = random.Next(1, 60);
        string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        var row = new AnnualReturn
        {
            SchoolId = Guid.CreateVersion7(),
            SchoolName = "学校" + i,
            Year = 2026,
            Version = 1,
            Status = ReturnStatus.Approved,
            Category = (i % 3) switch { 0 => "Urban", 1 => "Town", _ => "Rural" },
            ProvinceCode = N(province * 10000),
            CityCode = N(city * 100),
            CountyCode = N(county),
        };
        var multimedia = random.Next(0, classes + 1);
        row.SetValues(new Dictionary<string, string>
        {
            ["exportBandwidthMbps"] = N(classes * random.Next(1, 20)),
            ["wirelessCoveragePercent"] = N(random.Next(0, 101)),
            ["teachingPoints"] = N(random.Next(0, 3)),
            ["teachingPointMinBandwidthMbps"] = N(random.Next(1, 20)),
            ["classes"] = N(classes),
            ["classrooms"] = N(classes + 2),
            ["multimediaClassrooms"] = N(multimedia),
            ["teachers"] = N(classes * 2),
            ["students"] = N(classes * 40),
            ["teacherTerminals"] = N(classes * 2),
            ["studentTerminals"] = N(classes * 5),
            ["hasCio"] = random.Next(2) == 0 ? "true" : "false",
            ["teachersTrainedIt"] = N(classes * 2 - random.Next(0, 3)),
            ["itSpendingYuan"] = N(random.Next(10_000, 500_000)),
        });
        return row;
    }
}
