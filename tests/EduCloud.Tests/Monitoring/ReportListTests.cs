using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace EduCloud.Tests.Monitoring;

/// <summary>
/// The report's list of schools below target at a scope larger than a county: one .xlsx sheet per sub-region, split
/// at the per-sheet row limit with every row kept, and a PDF that lists only the first rows and says where the rest
/// are. A server with tiny limits (Monitoring:Reports:XlsxRowsPerSheet / PdfListLimit) stands in for a national
/// report's million rows. Own database (own fixture): the city's list holds exactly this test's schools.
/// </summary>
public sealed class ReportListTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task City_report_splits_its_below_target_list_into_sheets_per_county_and_the_pdf_lists_only_the_first_rows()
    {
        var chain = await Chain.CreateAsync(factory, "520102");
        var yunyan = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        var (_, bing) = await chain.SchoolAsync(factory, "520102", "Rural", "长列丙小学");
        var (_, yi) = await chain.SchoolAsync(factory, "520102", "Rural", "长列乙小学");
        var (_, jia) = await chain.SchoolAsync(factory, "520102", "Town", "长列甲小学");
        var (_, ding) = await chain.SchoolAsync(factory, "520103", "Rural", "长列丁小学");
        await chain.ApprovedAsync(bing, MonitoringApi.Valid(bandwidth: 10)); // 1 < 5
        await chain.ApprovedAsync(yi, MonitoringApi.Valid(bandwidth: 20, multimedia: 0)); // 2 < 5, no multimedia
        await chain.ApprovedAsync(jia, MonitoringApi.Valid(bandwidth: 30, multimedia: 0)); // 3 < 10, no multimedia
        await chain.ApprovedAsync(ding, MonitoringApi.Valid(bandwidth: 100, multimedia: 0), county: yunyan);

        await using var small = factory.WithWebHostBuilder(b => b
            .UseSetting("Monitoring:Reports:XlsxRowsPerSheet", "2")
            .UseSetting("Monitoring:Reports:PdfListLimit", "3"));
        var city = await ReportApi.ClientOnAsync(small, await factory.CreateUserAsync("CityAdmin", "520100"));
        var (job, _) = await ReportApi.FinishedAsync(city, (await ReportApi.RequestAsync(city)).GetProperty("id").GetGuid());
        job.GetProperty("status").GetString().ShouldBe("Done", job.ToString());

        // As many rows as the dashboard counts schools below target (with a target, not met), per county and in all.
        var expected = new Dictionary<string, int>();
        foreach (var (county, name) in new[] { ("520102", "南明区"), ("520103", "云岩区") })
        {
            expected[name] = await BelowAsync(city, county);
        }
        expected["南明区"].ShouldBeGreaterThan(2); // more than one sheet's worth
        job.GetProperty("message").GetString()!.ShouldContain($"未达标 {expected.Values.Sum()} 项");

        using var book = new XLWorkbook(new MemoryStream(await ReportApi.FileAsync(city, job.GetProperty("xlsxUrl").GetString()!)));
        var sheets = book.Worksheets.Where(w => w.Name.StartsWith("未达标学校", StringComparison.Ordinal)).ToList();
        sheets.Select(s => s.Name).ShouldBe(Enumerable.Range(1, (expected["南明区"] + 1) / 2).Select(n => n == 1 ? "未达标学校-南明区" : $"未达标学校-南明区({n})")
            .Concat(Enumerable.Range(1, (expected["云岩区"] + 1) / 2).Select(n => n == 1 ? "未达标学校-云岩区" : $"未达标学校-云岩区({n})")));
        var rows = new List<(string Sheet, string School, string County, string Indicator, double Value, double Target)>();
        foreach (var sheet in sheets)
        {
            sheet.Row(1).Cell(1).GetString().ShouldBe("学校");
            var data = sheet.RowsUsed().Skip(1).ToList();
            data.Count.ShouldBeInRange(1, 2, sheet.Name);
            rows.AddRange(data.Select(r => (sheet.Name, r.Cell(1).GetString(), r.Cell(2).GetString(), r.Cell(3).GetString(), r.Cell(4).GetValue<double>(), r.Cell(5).GetValue<double>())));
        }
        rows.Count(r => r.County == "南明区").ShouldBe(expected["南明区"]);
        rows.Count(r => r.County == "云岩区").ShouldBe(expected["云岩区"]);
        rows.ShouldAllBe(r => r.Sheet.Contains(r.County));
        rows.Select(r => (r.School, r.Indicator)).Distinct().Count().ShouldBe(rows.Count); // each row once
        rows.ShouldContain(r => r.School == "长列丙小学" && r.Indicator == "生均班级出口带宽" && r.Value == 1 && r.Target == 5);
        rows.ShouldContain(r => r.School == "长列甲小学" && r.Indicator == "生均班级出口带宽" && r.Value == 3 && r.Target == 10);
        rows.ShouldContain(r => r.School == "长列甲小学" && r.Indicator == "至少一套多媒体设备");
        rows.ShouldContain(r => r.School == "长列丁小学" && r.Indicator == "至少一套多媒体设备");

        // The PDF: the first 3 rows (the xlsx's order), a note where the full list is, and none of the later schools.
        var text = await ReportApi.PdfTextAsync(await ReportApi.FileAsync(city, job.GetProperty("pdfUrl").GetString()!));
        text.ShouldContain($"共 {rows.Count} 项");
        text.ShouldContain("仅列出前 3 项");
        text.ShouldContain("Excel");
        var listed = rows.Take(3).Select(r => r.School).ToHashSet();
        listed.ShouldAllBe(school => text.Contains(school));
        rows.Skip(3).Select(r => r.School).Where(s => !listed.Contains(s)).Distinct().ToList()
            .ShouldAllBe(school => !text.Contains(school));
        text.ShouldNotContain("长列丁小学");
    }

    /// <summary>School × indicator pairs below target in a node: per indicator, schools with a target less those meeting it.</summary>
    private static async Task<int> BelowAsync(HttpClient client, string node)
    {
        var total = 0;
        var catalogue = await client.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/indicators");
        foreach (var indicator in catalogue.EnumerateArray().Select(i => i.GetProperty("key").GetString()!))
        {
            var summary = (await MonitoringApi.DashboardAsync(client, indicator, node)).GetProperty("summary");
            total += summary.GetProperty("withTarget").GetInt32() - summary.GetProperty("met").GetInt32();
        }
        return total;
    }
}
