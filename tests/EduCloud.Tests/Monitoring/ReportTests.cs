using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Monitoring;

/// <summary>
/// 教育信息化专项督导报告: requested over the API, made by the background worker, downloaded as PDF and .xlsx, checked
/// against the dashboard API's numbers; scope, and a failed job. 南明区 520102 and 云岩区 520103 of 贵阳市 520100.
/// </summary>
public sealed class ReportTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Report_for_a_county_is_made_in_the_background_and_its_pdf_and_xlsx_show_the_api_figures()
    {
        var chain = await Chain.CreateAsync(factory, "520102");
        var yunyan = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        var (_, adminA) = await chain.SchoolAsync(factory, "520102", "Rural", "报告甲小学"); // 100/10 = 10 ≥ 5
        var (_, adminB) = await chain.SchoolAsync(factory, "520102", "Rural", "报告乙小学"); // 30/10 = 3 < 5
        var (_, adminC) = await chain.SchoolAsync(factory, "520102", "Town", "报告丙小学"); // 50/10 = 5 < 10, no multimedia
        var (_, adminD) = await chain.SchoolAsync(factory, "520103", "Rural", "报告丁小学");
        await chain.ApprovedAsync(adminA, MonitoringApi.Valid(bandwidth: 100));
        await chain.ApprovedAsync(adminB, MonitoringApi.Valid(bandwidth: 30));
        await chain.ApprovedAsync(adminC, MonitoringApi.Valid(bandwidth: 50, multimedia: 0));
        await chain.ApprovedAsync(adminD, MonitoringApi.Valid(bandwidth: 60, classes: 6), county: yunyan);

        var requested = await ReportApi.RequestAsync(chain.County);
        requested.GetProperty("nodeName").GetString().ShouldBe("南明区");
        requested.GetProperty("pdfUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        var (job, seen) = await ReportApi.FinishedAsync(chain.County, requested.GetProperty("id").GetGuid());
        job.GetProperty("status").GetString().ShouldBe("Done", job.ToString());
        job.GetProperty("percent").GetInt32().ShouldBe(100);
        seen.ShouldBe(seen.Order().ToList()); // progress only moves forward

        var pdf = await ReportApi.FileAsync(chain.County, job.GetProperty("pdfUrl").GetString()!);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var fonts = await ReportApi.PdfFontsAsync(pdf);
        fonts.ShouldContain("CID TrueType"); // the CJK font is embedded, not referenced
        var text = await ReportApi.PdfTextAsync(pdf);
        text.ShouldContain("南明区2026年度教育信息化专项督导报告");
        text.ShouldContain("未达标学校名单");
        text.ShouldContain("报告乙小学");
        text.ShouldContain("报告丙小学");
        text.ShouldNotContain("报告丁小学"); // another county's school is not in this county's report

        using var book = new XLWorkbook(new MemoryStream(await ReportApi.FileAsync(chain.County, job.GetProperty("xlsxUrl").GetString()!)));
        var sheet = book.Worksheet("指标达标情况");
        var catalogue = await chain.County.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/indicators");
        foreach (var indicator in catalogue.EnumerateArray().Select(i => i.GetProperty("key").GetString()!))
        {
            var summary = (await MonitoringApi.DashboardAsync(chain.County, indicator, "520102")).GetProperty("summary");
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == indicator);
            row.Cell(5).GetValue<int>().ShouldBe(summary.GetProperty("withTarget").GetInt32(), indicator);
            row.Cell(6).GetValue<int>().ShouldBe(summary.GetProperty("met").GetInt32(), indicator);
            Same(row.Cell(7), summary.GetProperty("shareMet"), indicator);
            Same(row.Cell(8), summary.GetProperty("average"), indicator);
        }
        var below = book.Worksheet("未达标学校").RowsUsed().Skip(1)
            .Select(r => (School: r.Cell(1).GetString(), Indicator: r.Cell(3).GetString(), Value: r.Cell(4).GetValue<double>(), Target: r.Cell(5).GetValue<double>())).ToList();
        below.ShouldContain(("报告乙小学", "生均班级出口带宽", 3.0, 5.0));
        below.ShouldContain(("报告丙小学", "生均班级出口带宽", 5.0, 10.0));
        below.ShouldContain(("报告丙小学", "至少一套多媒体设备", 0.0, 1.0));
        below.ShouldNotContain(b => b.School == "报告甲小学");
        // Below a county the ranking is of its schools, best first.
        book.Worksheet("下级单位排名").RowsUsed().Skip(2).Select(r => r.Cell(3).GetString()).ShouldBe(["报告甲小学", "报告丙小学", "报告乙小学"]);
    }

    [Fact]
    public async Task Report_is_only_seen_and_downloaded_by_people_whose_scope_covers_it()
    {
        var chain = await Chain.CreateAsync(factory, "520102");
        var yunyan = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        var (school, admin) = await chain.SchoolAsync(factory, "520102", "Rural", "范围小学");
        await chain.ApprovedAsync(admin, MonitoringApi.Valid(bandwidth: 20));
        var id = (await ReportApi.RequestAsync(chain.County)).GetProperty("id").GetGuid();
        var (job, _) = await ReportApi.FinishedAsync(chain.County, id);
        job.GetProperty("status").GetString().ShouldBe("Done", job.ToString());

        foreach (var url in new[] { $"/api/v1/monitoring/reports/{id}", $"/api/v1/monitoring/reports/{id}/pdf", $"/api/v1/monitoring/reports/{id}/xlsx" })
        {
            (await yunyan.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url); // another county
            (await admin.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url); // a school below does not see the county's report
            (await chain.City.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url); // the city covers the county
        }
        (await yunyan.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/reports")).EnumerateArray().ShouldNotContain(j => j.GetProperty("id").GetGuid() == id);
        // Asking for a region outside one's scope is refused.
        (await yunyan.PostAsJsonAsync("/api/v1/monitoring/reports", new { year = 2026, node = "520102" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A school administrator gets the report of their own school.
        var own = await ReportApi.RequestAsync(admin);
        own.GetProperty("nodeKey").GetString().ShouldBe(school.ToString());
        var (ownJob, _) = await ReportApi.FinishedAsync(admin, own.GetProperty("id").GetGuid());
        ownJob.GetProperty("status").GetString().ShouldBe("Done", ownJob.ToString());
        var text = await ReportApi.PdfTextAsync(await ReportApi.FileAsync(admin, ownJob.GetProperty("pdfUrl").GetString()!));
        text.ShouldContain("范围小学2026年度教育信息化专项督导报告");
        (await chain.County.GetAsync(ownJob.GetProperty("pdfUrl").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK); // the county covers its school
    }

    [Fact]
    public async Task Report_job_that_fails_is_shown_as_failed_with_a_message_and_leaves_no_file()
    {
        var chain = await Chain.CreateAsync(factory, "520102");
        var (_, admin) = await chain.SchoolAsync(factory, "520102", "Rural", "失败小学");
        await chain.ApprovedAsync(admin, MonitoringApi.Valid());
        var data = factory.Services.GetRequiredService<IConfiguration>()["DataDirectory"]!;
        var before = Files(data);

        // No approved return for that year: the job fails when it runs.
        var empty = await ReportApi.RequestAsync(chain.County, year: 2019);
        var (failed, _) = await ReportApi.FinishedAsync(chain.County, empty.GetProperty("id").GetGuid());
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("message").GetString().ShouldBe("南明区没有2019年度审核通过的年报，无法生成督导报告");
        failed.GetProperty("pdfUrl").ValueKind.ShouldBe(JsonValueKind.Null);

        // A server without the report font: the job fails after reading the data, and no file of it is kept.
        await using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Monitoring:Reports:CjkFont", "/nonexistent/cjk.ttf"));
        var county = await ReportApi.ClientOnAsync(broken, await factory.CreateUserAsync("CountyAdmin", "520102"));
        var id = (await ReportApi.RequestAsync(county)).GetProperty("id").GetGuid();
        var (job, _) = await ReportApi.FinishedAsync(county, id);
        job.GetProperty("status").GetString().ShouldBe("Failed");
        job.GetProperty("message").GetString()!.ShouldContain("字体");
        job.GetProperty("pdfUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        (await county.GetAsync($"/api/v1/monitoring/reports/{id}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetAsync($"/api/v1/monitoring/reports/{id}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Files(data).ShouldBe(before); // no blob, no temporary file left behind

        // The page shows the failed job with its message.
        var page = await county.GetStringAsync("/monitoring/reports");
        page.ShouldContain("data-status=\"Failed\"");
        page.ShouldContain("字体");
    }

    private static void Same(IXLCell cell, JsonElement api, string indicator)
    {
        if (api.ValueKind == JsonValueKind.Null)
        {
            cell.IsEmpty().ShouldBeTrue(indicator);
        }
        else
        {
            cell.GetValue<double>().ShouldBe(api.GetDouble(), 1e-9, indicator);
        }
    }

    private static List<string> Files(string data) =>
        Directory.Exists(data) ? Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("/blobs/", StringComparison.Ordinal) || f.Contains("/incoming/", StringComparison.Ordinal)).Order().ToList() : [];
}
