using System.Diagnostics;
using System.Globalization;
using EduCloud.Monitoring;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;
using EduCloud.Monitoring.Reports;

namespace EduCloud.Bench.Monitoring;

/// <summary>
/// The inspection report (督导报告) of one province of N schools (10 cities × 10 counties, random returns as in the
/// `monitoring` command), made by the product's code as the background job makes it: compute the report from the
/// in-memory values, write the PDF (Skia, embedded fonts) and the .xlsx (ClosedXML) to files. Reports each step's
/// time (first run cold, then the median of the warm runs), the files' sizes, and the process's peak RSS before and
/// after (VmHWM), plus the bytes allocated by one report.
/// dotnet run -c Release --project bench/EduCloud.Bench -- report [--schools 20000] [--runs 3]
/// </summary>
internal static class MeasureReport
{
    public static string Run(int schools, int runs, bool national = false)
    {
        var indicators = MonitoringModule.IndicatorRows().Select(CompiledIndicator.Of).ToList();
        var random = new Random(2026);
        // National: 31 provinces × 10 cities × 10 counties (the `monitoring-national` generator), one sheet per province.
        var figures = Enumerable.Range(0, schools).Select(i => SchoolFigures.Compute(indicators, national ? MeasureIndicatorRollup.Return(i, random) : Return(i, random)))
            .ToDictionary(f => f.SchoolId);
        var rollup = IndicatorRollup.Build(indicators, figures);
        var names = rollup.ChildRegions.SelectMany(c => c.Value).Where(c => c.Length == 6).Distinct()
            .ToDictionary(c => c, c => c.EndsWith("0000", StringComparison.Ordinal) ? $"第{c[..2]}省" : c.EndsWith("00", StringComparison.Ordinal) ? $"第{c[..4]}市" : $"第{c}区");
        var fonts = ReportFonts.Load(new ReportOptions());
        var request = national ? new ReportRequest(IndicatorRollup.National, IndicatorRollup.National, "全国", 2026, "bandwidthPerClass")
            : new ReportRequest("province", "520000", "测试省", 2026, "bandwidthPerClass");
        var directory = Path.Combine(Path.GetTempPath(), "educloud-bench-report");
        Directory.CreateDirectory(directory);
        GC.Collect();
        var rssBefore = PeakRss();
        var timings = new List<(double Build, double Pdf, double Xlsx, long Allocated)>();
        var cpu = new List<double>();
        InspectionReport? report = null;
        for (var run = 0; run < runs; run++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            report = BuildInspectionReport.Run(rollup, request, names, DateTime.UtcNow);
            var build = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            using (var pdf = File.Create(Path.Combine(directory, "report.pdf")))
            {
                WriteReportPdf.Run(report, fonts, pdf);
            }
            var pdfMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            using (var xlsx = File.Create(Path.Combine(directory, "report.xlsx")))
            {
                WriteReportXlsx.Run(report, fonts, xlsx);
            }
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds);
            timings.Add((build, pdfMs, watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocated));
        }
        var rssAfter = PeakRss();
        var warm = timings.Count > 1 ? timings.Skip(1).ToList() : timings;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        string Row(string step, Func<(double Build, double Pdf, double Xlsx, long Allocated), double> of) =>
            $"| {step} | {of(timings[0]):N0} | {Median(warm.Select(of)):N0} |";
        return string.Join('\n',
            $"Inspection report of {(national ? "the nation" : "one province")}, {schools:N0} schools × {indicators.Count} indicators, {runs} runs (load average {load} at the end)",
            "",
            "| Step | First run ms | Median warm ms |",
            "|---|---|---|",
            Row("Compute the report from the in-memory values", t => t.Build),
            Row("Write the PDF (Skia, fonts embedded)", t => t.Pdf),
            Row("Write the .xlsx (ClosedXML + streamed list sheets, charts as PNG)", t => t.Xlsx),
            Row("Total", t => t.Build + t.Pdf + t.Xlsx),
            "",
            $"Peak RSS (VmHWM) before the first report: {rssBefore / 1048576.0:N0} MiB; after {runs} report(s): {rssAfter / 1048576.0:N0} MiB. " +
            $"Allocated per report: {Median(timings.Select(t => (double)t.Allocated)) / 1048576.0:N0} MiB. " +
            $"CPU time of the process per report (user + system, all threads; less sensitive to the load than wall time): {string.Join(", ", cpu.Select(c => c.ToString("N1", CultureInfo.InvariantCulture)))} s.",
            $"Files: PDF {new FileInfo(Path.Combine(directory, "report.pdf")).Length / 1048576.0:N1} MiB, .xlsx {new FileInfo(Path.Combine(directory, "report.xlsx")).Length / 1048576.0:N1} MiB " +
            $"({report!.Schools:N0} schools, {report.Ranking.Count} sub-regions ranked, {report.Below.Count:N0} below-target rows in {report.Below.Groups.Count} groups; PDF lists {WriteReportPdf.DefaultListLimit:N0}) in {directory}.");
    }

    private static long PeakRss()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static AnnualReturn Return(int i, Random random)
    {
        var city = 5201 + i % 10;
        var county = city * 100 + 1 + i / 10 % 10;
        var classes = random.Next(1, 60);
        string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        var row = new AnnualReturn
        {
            SchoolId = Guid.CreateVersion7(),
            SchoolName = $"第{county}区第{i / 100 + 1}小学",
            Year = 2026,
            Version = 1,
            Status = ReturnStatus.Approved,
            Category = (i % 3) switch { 0 => "Urban", 1 => "Town", _ => "Rural" },
            ProvinceCode = "520000",
            CityCode = N(city * 100),
            CountyCode = N(county),
        };
        row.SetValues(new Dictionary<string, string>
        {
            ["exportBandwidthMbps"] = N(classes * random.Next(1, 20)),
            ["wirelessCoveragePercent"] = N(random.Next(0, 101)),
            ["teachingPoints"] = N(random.Next(0, 3)),
            ["teachingPointMinBandwidthMbps"] = N(random.Next(1, 20)),
            ["classes"] = N(classes),
            ["classrooms"] = N(classes + 2),
            ["multimediaClassrooms"] = N(random.Next(0, classes + 1)),
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
