using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Kernel.Codes;
using EduCloud.Monitoring.OpenData;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Statistics;

namespace EduCloud.Tests.Monitoring;

/// <summary>The open catalogue over real HTTP without signing in, with students written through the registry.</summary>
public sealed class OpenDataTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Students_by_stage_suppress_counts_below_5_and_the_cells_that_would_give_them_away()
    {
        // 花溪区: 40 primary + 3 junior (3 < 5); 乌当区: 20 + 9; 白云区: 12 + 6 (across two schools).
        var chain = await Chain.CreateAsync(factory, "520111");
        await StatsData.AddStudentsAsync(factory, StatsData.School(await MonitoringApi.CreateSchoolAsync(chain.National, "520111", "Rural", "花溪一小"), "520111"), 40);
        await StatsData.AddStudentsAsync(factory, StatsData.School(await MonitoringApi.CreateSchoolAsync(chain.National, "520111", "Rural", "花溪一中"), "520111"), 3, Stage.Junior, 7);
        var wudang = await MonitoringApi.CreateSchoolAsync(chain.National, "520112", "Town", "乌当学校");
        await StatsData.AddStudentsAsync(factory, StatsData.School(wudang, "520112"), 20);
        await StatsData.AddStudentsAsync(factory, StatsData.School(wudang, "520112"), 9, Stage.Junior, 7);
        var baiyun = await MonitoringApi.CreateSchoolAsync(chain.National, "520113", "Urban", "白云学校");
        await StatsData.AddStudentsAsync(factory, StatsData.School(baiyun, "520113"), 12);
        await StatsData.AddStudentsAsync(factory, StatsData.School(baiyun, "520113"), 6, Stage.Junior, 8);
        await StatsData.AddStudentsAsync(factory, StatsData.School(baiyun, "520113"), 2, status: EduCloud.Students.Domain.EnrolmentStatus.Withdrawn); // not counted

        var anonymous = factory.CreateClient();
        var catalogue = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/open-data");
        var entry = catalogue.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "students-by-stage");
        entry.GetProperty("licence").GetString()!.ShouldContain("CC BY 4.0");
        entry.GetProperty("updated").GetString().ShouldNotBeNullOrEmpty();

        var json = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/open-data/students-by-stage.json");
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("regionCode").GetString()!);
        rows.Keys.Order().ShouldBe(["", "520111", "520112", "520113"]);
        string? Flag(string county, string column) => rows[county].GetProperty("suppressed").TryGetProperty(column, out var f) ? f.GetString() : null;
        JsonElement Value(string county, string column) => rows[county].GetProperty("values").GetProperty(column);

        Flag("520111", "junior").ShouldBe("small");
        Value("520111", "junior").ValueKind.ShouldBe(JsonValueKind.Null);
        Flag("520111", "primary").ShouldBe("secondary"); // else 43 - 40 gives the 3 away
        Value("520111", "students").GetInt32().ShouldBe(43);
        Value("520111", "schools").GetInt32().ShouldBe(2);
        // 乌当区's counts are all 5 or more and need not hide anything for others: published as they are.
        (Value("520112", "primary").GetInt32(), Value("520112", "junior").GetInt32(), Value("520112", "students").GetInt32()).ShouldBe((20, 9, 29));
        (Value("", "primary").GetInt32(), Value("", "junior").GetInt32(), Value("", "students").GetInt32()).ShouldBe((72, 18, 90));
        // No row and no column is left with a single blank (which its total would give away).
        var columns = new[] { "primary", "junior", "students" };
        foreach (var county in rows.Keys)
        {
            columns.Count(c => Flag(county, c) is not null).ShouldNotBe(1, county);
        }
        foreach (var column in columns)
        {
            rows.Keys.Count(county => Flag(county, column) is not null).ShouldNotBe(1, column);
        }

        var csv = await anonymous.GetAsync("/api/v1/open-data/students-by-stage.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        lines[0].ShouldBe("行政区划代码,地区,有在校生的学校数（所）,小学在校生数（人）,初中在校生数（人）,在校生合计（人）");
        lines.Single(l => l.StartsWith("520111,", StringComparison.Ordinal)).ShouldBe("520111,花溪区,2,*,<5,43");
        lines.Single(l => l.StartsWith("520112,", StringComparison.Ordinal)).ShouldBe("520112,乌当区,1,20,9,29");
    }

    [Fact]
    public void Secondary_suppression_leaves_no_line_with_a_single_blank()
    {
        long[,] grid =
        {
            { 40, 3, 0, 43 },
            { 20, 9, 7, 36 },
            { 12, 6, 8, 26 },
            { 72, 18, 15, 105 },
        };
        var marks = SmallNumberSuppression.Apply(grid);
        marks[0, 1].ShouldBe(Suppressed.Small);
        marks[0, 2].ShouldBe(Suppressed.Small); // zero counts fewer than 5 people too
        marks[3, 3].ShouldBe(Suppressed.No);
        for (var i = 0; i < 4; i++)
        {
            Enumerable.Range(0, 4).Count(c => marks[i, c] != Suppressed.No).ShouldNotBe(1);
            Enumerable.Range(0, 4).Count(r => marks[r, i] != Suppressed.No).ShouldNotBe(1);
        }
    }

    [Fact]
    public async Task The_open_data_page_and_the_coverage_table_need_no_sign_in_and_count_schools()
    {
        var chain = await Chain.CreateAsync(factory, "520115");
        var (_, school) = await chain.SchoolAsync(factory, "520115", "Rural", "观山湖开放小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 30, multimedia: 0));

        var anonymous = factory.CreateClient();
        var page = await anonymous.GetStringAsync("/open-data");
        page.ShouldContain("教育公共信息资源开放目录");
        page.ShouldContain("/api/v1/open-data/it-coverage-by-county.csv");
        var json = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/open-data/it-coverage-by-county.json");
        var row = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "520115").GetProperty("values");
        row.GetProperty("schools").GetInt32().ShouldBe(1);
        row.GetProperty("bandwidthMet").GetInt32().ShouldBe(0);
        row.GetProperty("hasMultimedia").GetInt32().ShouldBe(0);
        row.GetProperty("broadbandShare").GetDouble().ShouldBe(100);
        (await anonymous.GetAsync("/api/v1/open-data/no-such-set.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
