using ClosedXML.Excel;
using EduCloud.Kernel.Codes;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Statistics;

public sealed class StatisticsExportTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Nanming = "520102";

    private async Task<HttpClient> NationalAsync() => await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));

    [Fact]
    public async Task The_xlsx_export_has_chinese_headers_and_the_same_numbers()
    {
        using var client = await NationalAsync();
        var school = await OrgApi.CreateSchoolAsync(client, Nanming, name: "导出小学");
        await StatsData.AddStudentsAsync(factory, StatsData.School(school, Nanming), 7);
        await StatsData.AddStudentsAsync(factory, StatsData.School(school, Nanming), 4, grade: 3, sex: Sex.Female);

        var response = await client.GetAsync($"/api/v1/stats/students.xlsx?node={Nanming}&by=sex");
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("学生统计");
        var cells = sheet.RangeUsed().Rows().Select(r => (Label: r.Cell(1).GetString(), Students: r.Cell(2).GetString())).ToList();
        var json = await client.StatsAsync(Nanming, "sex");

        cells.ShouldContain(("性别", "学生数"));
        cells.ShouldContain(("男", json.Row("男").ToString()));
        cells.ShouldContain(("女", json.Row("女").ToString()));
        cells.ShouldContain(("导出小学", "11"));
        cells.ShouldContain(("全部在籍学生", json.Total().ToString()));
    }
}
