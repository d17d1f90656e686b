using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Statistics;

/// <summary>Teachers by subject and qualification, and 生师比, over real HTTP: teachers made through the Teachers API, students through StudentsDbContext.</summary>
public sealed class TeacherStatisticsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Nanming = "520102", Yunyan = "520103", Guiyang = "520100", Guizhou = "520000";

    private async Task<HttpClient> CountyAsync(string county) => await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: county));

    private static object Teacher(Guid schoolId, string[] subjects, string qualification = "小学", string? citizenId = null) => new
    {
        schoolId,
        name = "统计教师",
        citizenId = citizenId ?? TestIds.NextCitizenId(Nanming, "19850301"),
        ethnicity = "汉族",
        education = "21",
        title = "一级",
        subjects,
        qualifications = qualification.Length == 0
            ? Array.Empty<object>()
            : [new { kind = qualification, subject = subjects[0], certificateNumber = "20105200000012345", issuedOn = "2010-07-01" }],
        assignments = Array.Empty<object>(),
    };

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static Task<JsonElement> TeachersAsync(HttpClient client, string node, string by = "subject") => GetAsync(client, $"/api/v1/stats/teachers?node={node}&by={by}");

    private static int Total(JsonElement t) => t.GetProperty("teachers").GetInt32();

    private static int Row(JsonElement t, string label) =>
        t.GetProperty("breakdown").EnumerateArray().Where(r => r.GetProperty("label").GetString() == label).Select(r => r.GetProperty("teachers").GetInt32()).SingleOrDefault();

    private static int Child(JsonElement t, string key) =>
        t.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("teachers").GetInt32();

    private static JsonElement RatioChild(JsonElement r, string key) =>
        r.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("figures");

    [Fact]
    public async Task Teachers_roll_up_by_subject_and_qualification_each_counted_once_and_new_ones_show_at_once()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var nm = await CountyAsync(Nanming);
        using var yy = await CountyAsync(Yunyan);
        // Read first, so the rollup exists before the teachers and must follow the change feed.
        var before = (Nanming: Total(await TeachersAsync(national, Nanming)), Yunyan: Total(await TeachersAsync(national, Yunyan)),
            Province: Total(await TeachersAsync(national, Guizhou)));
        var a = await OrgApi.CreateSchoolAsync(nm, Nanming, name: "教师统计一小");
        var b = await OrgApi.CreateSchoolAsync(yy, Yunyan, name: "教师统计二小");
        for (var i = 0; i < 3; i++)
        {
            await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["数学", "科学"]));
        }
        await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["语文"], "初级中学"));
        await TeacherApi.CreateTeacherAsync(yy, Teacher(b, ["语文", "数学"], ""));
        await TeacherApi.CreateTeacherAsync(yy, Teacher(b, ["英语"]));

        var school = await TeachersAsync(national, a.ToString());
        Total(school).ShouldBe(4);
        (Row(school, "数学"), Row(school, "语文"), Row(school, "科学")).ShouldBe((3, 1, 0)); // 科学 is a second subject: not counted again
        school.GetProperty("breakdown").EnumerateArray().Sum(r => r.GetProperty("teachers").GetInt32()).ShouldBe(4);
        var byQualification = await TeachersAsync(national, a.ToString(), "qualification");
        (Row(byQualification, "小学教师资格"), Row(byQualification, "初级中学教师资格"), Row(byQualification, "无教师资格")).ShouldBe((3, 1, 0));
        var bySex = await TeachersAsync(national, a.ToString(), "sex");
        (Row(bySex, "男") + Row(bySex, "女")).ShouldBe(4); // sex comes from the citizen ID

        var county = await TeachersAsync(national, Yunyan, "qualification");
        Total(county).ShouldBe(before.Yunyan + 2);
        Child(county, b.ToString()).ShouldBe(2);
        Row(county, "无教师资格").ShouldBeGreaterThanOrEqualTo(1);
        var city = await TeachersAsync(national, Guiyang);
        (Child(city, Nanming), Child(city, Yunyan)).ShouldBe((before.Nanming + 4, before.Yunyan + 2));
        Total(await TeachersAsync(national, Guizhou)).ShouldBe(before.Province + 6);

        // The feed: a new teacher counts on the very next read; one who retires stops counting.
        var citizenId = TestIds.NextCitizenId(Nanming, "19850301");
        var created = await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["音乐"], citizenId: citizenId));
        var now = await TeachersAsync(nm, a.ToString());
        (Total(now), Row(now, "音乐")).ShouldBe((5, 1));
        var id = created.GetProperty("id").GetGuid();
        var retire = await nm.PutAsJsonAsync($"/api/v1/teachers/{id}", new
        {
            version = created.GetProperty("version").GetInt32(), status = "退休", name = "统计教师", citizenId, ethnicity = "01", education = "21", title = "一级",
            subjects = new[] { "音乐" }, assignments = Array.Empty<object>(),
        });
        retire.StatusCode.ShouldBe(HttpStatusCode.OK, await retire.Content.ReadAsStringAsync());
        Total(await TeachersAsync(nm, a.ToString())).ShouldBe(4);
        Total(await TeachersAsync(national, Nanming)).ShouldBe(before.Nanming + 4);
    }

    [Fact]
    public async Task Pupil_teacher_ratios_divide_the_two_rollups_for_the_node_and_each_child()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var nm = await CountyAsync(Nanming);
        var a = await OrgApi.CreateSchoolAsync(nm, Nanming, name: "生师比一小");
        var empty = await OrgApi.CreateSchoolAsync(nm, Nanming, name: "生师比二小");
        await StatsData.AddStudentsAsync(factory, StatsData.School(a, Nanming), 10);
        await StatsData.AddStudentsAsync(factory, StatsData.School(empty, Nanming), 3);
        for (var i = 0; i < 4; i++)
        {
            await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["数学"]));
        }

        var school = await GetAsync(national, $"/api/v1/stats/ratios?node={a}");
        school.GetProperty("totals").GetProperty("students").GetInt32().ShouldBe(10);
        school.GetProperty("totals").GetProperty("teachers").GetInt32().ShouldBe(4);
        school.GetProperty("totals").GetProperty("ratio").GetDecimal().ShouldBe(2.5m);

        var county = await GetAsync(nm, $"/api/v1/stats/ratios?node={Nanming}");
        RatioChild(county, a.ToString()).GetProperty("ratio").GetDecimal().ShouldBe(2.5m);
        var noTeachers = RatioChild(county, empty.ToString());
        (noTeachers.GetProperty("students").GetInt32(), noTeachers.GetProperty("teachers").GetInt32()).ShouldBe((3, 0));
        noTeachers.GetProperty("ratio").ValueKind.ShouldBe(JsonValueKind.Null);

        // Every level agrees with the two separate rollups.
        foreach (var node in new[] { Nanming, Guiyang, Guizhou, "national" })
        {
            var ratio = (await GetAsync(national, $"/api/v1/stats/ratios?node={node}")).GetProperty("totals");
            var students = (await national.StatsAsync(node)).Total();
            var teachers = Total(await TeachersAsync(national, node));
            ratio.GetProperty("students").GetInt32().ShouldBe(students);
            ratio.GetProperty("teachers").GetInt32().ShouldBe(teachers);
            ratio.GetProperty("ratio").GetDecimal().ShouldBe(Math.Round((decimal)students / teachers, 2, MidpointRounding.AwayFromZero));
        }
        var city = await GetAsync(national, $"/api/v1/stats/ratios?node={Guiyang}");
        RatioChild(city, Nanming).GetProperty("teachers").GetInt32().ShouldBe(Total(await TeachersAsync(national, Nanming)));
    }

    [Fact]
    public async Task A_county_administrator_reads_only_their_county_and_the_refusal_is_audited()
    {
        using var nm = await CountyAsync(Nanming);
        using var yy = await CountyAsync(Yunyan);
        var other = await OrgApi.CreateSchoolAsync(yy, Yunyan, name: "邻区小学");
        await TeacherApi.CreateTeacherAsync(yy, Teacher(other, ["数学"]));

        (await TeachersAsync(nm, "")).GetProperty("node").GetProperty("key").GetString().ShouldBe(Nanming);
        foreach (var url in new[] { $"/api/v1/stats/teachers?node={Yunyan}", $"/api/v1/stats/teachers?node={Guiyang}", $"/api/v1/stats/ratios?node={Yunyan}",
                     $"/api/v1/stats/teachers.xlsx?node={Guizhou}", "/api/v1/stats/ratios?node=national" })
        {
            (await nm.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }
        (await nm.GetAsync($"/api/v1/stats/teachers?node={other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var breadcrumbs = (await TeachersAsync(nm, Nanming)).GetProperty("breadcrumbs").EnumerateArray().Select(b => b.GetProperty("key").GetString()).ToList();
        breadcrumbs.ShouldBe([Nanming]);
        using var teacher = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", schoolId: other));
        (await teacher.GetAsync($"/api/v1/stats/teachers?node={other}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_xlsx_exports_have_chinese_headers_and_the_same_numbers()
    {
        using var nm = await CountyAsync(Nanming);
        var a = await OrgApi.CreateSchoolAsync(nm, Nanming, name: "导出教师小学");
        await StatsData.AddStudentsAsync(factory, StatsData.School(a, Nanming), 9);
        await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["数学"]));
        await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["数学"]));
        await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["物理"], "高级中学"));

        var response = await nm.GetAsync($"/api/v1/stats/teachers.xlsx?node={a}&by=subject");
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new XLWorkbook(await response.Content.ReadAsStreamAsync()))
        {
            var cells = book.Worksheet("教师统计").RangeUsed().Rows().Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())).ToList();
            cells.ShouldContain(("任教学科", "教师数"));
            cells.ShouldContain(("全部在岗教师", "3"));
            cells.ShouldContain(("数学", "2"));
            cells.ShouldContain(("物理", "1"));
        }

        var ratios = await nm.GetAsync($"/api/v1/stats/ratios.xlsx?node={Nanming}");
        ratios.EnsureSuccessStatusCode();
        using var ratioBook = new XLWorkbook(await ratios.Content.ReadAsStreamAsync());
        var rows = ratioBook.Worksheet("生师比").RangeUsed().Rows()
            .Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString(), r.Cell(3).GetString(), r.Cell(4).GetString())).ToList();
        rows.ShouldContain(("单位", "在籍学生", "在岗教师", "生师比"));
        rows.ShouldContain(("导出教师小学", "9", "3", "3"));
    }

    [Fact]
    public async Task The_stats_page_shows_the_teacher_tab_and_the_ratio_of_each_school()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: Nanming);
        using var nm = await factory.ClientForAsync(countyUser);
        var a = await OrgApi.CreateSchoolAsync(nm, Nanming, name: "页面生师比小学");
        await StatsData.AddStudentsAsync(factory, StatsData.School(a, Nanming), 7);
        await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["美术"]));
        await TeacherApi.CreateTeacherAsync(nm, Teacher(a, ["美术"]));
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(countyUser);

        var teachers = await browser.Http.GetStringAsync($"/stats?view=teachers&node={a}&by=subject");
        teachers.ShouldContain("data-testid=\"total-teachers\">2<");
        teachers.ShouldContain("美术");
        var ratios = await browser.Http.GetStringAsync($"/stats?view=ratios&node={Nanming}");
        ratios.ShouldContain("页面生师比小学");
        ratios.ShouldContain("3.5 : 1");
        var refused = await browser.Http.GetStringAsync($"/stats?view=teachers&node={Yunyan}");
        refused.ShouldContain("class=\"error\"");
    }
}
