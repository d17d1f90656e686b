using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Tests.Students;

/// <summary>Bad rows name row, column and problem; the two modes; re-upload; scope.</summary>
public sealed class ImportBadInputTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static readonly DateOnly Birth = new(2017, 3, 14);

    /// <summary>Rows 2..9 of a file: 2 and 3 good, 4..9 each with one of the issue's named problems.</summary>
    private static (string[][] Rows, string TakenId) BadFile(string takenId)
    {
        var good1 = ImportWorld.Id(Birth, true);
        var good2 = ImportWorld.Id(Birth, false);
        var badCheck = ImportWorld.Id(Birth, true);
        badCheck = badCheck[..17] + (badCheck[17] == '1' ? '2' : '1');
        return ([
            ImportWorld.Headers,
            ImportWorld.Row("甲", good1, birth: "2017-03-14"),
            ImportWorld.Row("乙", good2, sex: "女"),
            ImportWorld.Row("丙", badCheck),
            ImportWorld.Row("丁", ImportWorld.Id(Birth, true), birth: "2017-03-15"),
            ImportWorld.Row("戊", ImportWorld.Id(Birth, true), sex: "女"),
            ImportWorld.Row("己", ImportWorld.Id(Birth, false), cls: "9班"),
            ImportWorld.Row("庚", ImportWorld.Id(Birth, true), birth: "2017-02-30"),
            ImportWorld.Row("辛", ImportWorld.Id(Birth, true), ethnicity: "火星族"),
            ImportWorld.Row("壬", takenId),
        ], takenId);
    }

    private async Task<string> StudentAtAnotherSchoolAsync()
    {
        var other = await ImportWorld.CreateAsync(factory);
        var id = ImportWorld.Id(Birth, true);
        var job = await other.ImportAsync(ImportWorld.Xlsx([ImportWorld.Headers, ImportWorld.Row("癸", id)]), "other.xlsx", "AllOrNothing");
        job.GetProperty("status").GetString().ShouldBe("Succeeded", job.ToString());
        return id;
    }

    [Fact]
    public async Task All_or_nothing_with_bad_rows_writes_nothing_and_the_report_names_row_column_and_problem()
    {
        var taken = await StudentAtAnotherSchoolAsync();
        var w = await ImportWorld.CreateAsync(factory);
        var (rows, _) = BadFile(taken);

        var job = await w.ImportAsync(ImportWorld.Xlsx(rows), "bad.xlsx", "AllOrNothing");

        job.GetProperty("status").GetString().ShouldBe("Rejected", job.ToString());
        job.GetProperty("failed").GetInt32().ShouldBe(7);
        (await w.CountAsync()).ShouldBe(0);
        var jobId = job.GetProperty("id").GetGuid();
        (await w.DbAsync(db => db.StatusChanges.IgnoreQueryFilters().CountAsync(c => c.BatchId == jobId))).ShouldBe(0);
        (await w.DbAsync(db => db.Census.IgnoreQueryFilters().CountAsync(c => c.SchoolId == w.SchoolId))).ShouldBe(0);

        var report = await w.ReportAsync(job);
        report[0].ShouldBe([.. ImportWorld.Headers, "错误"]);
        report.Count.ShouldBe(8, "the header and only the 7 bad rows");
        string ErrorOf(string name) => report.Single(r => r[0] == name)[^1];
        ErrorOf("丙").ShouldBe("第4行 公民身份号码：校验码不正确");
        ErrorOf("丁").ShouldBe("第5行 出生日期：与公民身份号码中的出生日期（2017-03-14）不一致");
        ErrorOf("戊").ShouldBe("第6行 性别：与公民身份号码不一致（身份证号为男）");
        ErrorOf("己").ShouldBe("第7行 班级：本校本学年没有班级“三年级9班”");
        ErrorOf("庚").ShouldContain("第8行 出生日期：日期不存在（2017-02-30）");
        ErrorOf("辛").ShouldStartWith("第9行 民族：未知的民族“火星族”");
        ErrorOf("壬").ShouldBe("第10行 学籍号：已被其他学校的学生使用（同一学生请办理转学）");
        report.Single(r => r[0] == "丙")[3].ShouldBe(rows[3][3], "the original cells come back for fixing");
    }

    [Fact]
    public async Task Valid_rows_only_imports_the_good_rows_then_the_fixed_report_and_a_reupload_do_not_duplicate()
    {
        var taken = await StudentAtAnotherSchoolAsync();
        var w = await ImportWorld.CreateAsync(factory);
        var (rows, _) = BadFile(taken);
        var original = ImportWorld.Xlsx(rows);

        var job = await w.ImportAsync(original, "bad.xlsx", "ValidRowsOnly");

        job.GetProperty("status").GetString().ShouldBe("Succeeded", job.ToString());
        job.GetProperty("imported").GetInt32().ShouldBe(2);
        job.GetProperty("failed").GetInt32().ShouldBe(7);
        (await w.CountAsync()).ShouldBe(2);

        // Fix the report's rows in place (keeping its 错误 column, as users do) and upload only those.
        var report = await w.ReportAsync(job);
        var fixedRows = report.Skip(1).Where(r => r[0] != "壬").Select(r =>
        {
            var row = (string[])r.Clone();
            row[1] = row[2] = "";
            row[12] = "1班";
            row[5] = "汉族";
            if (row[0] == "丙")
            {
                row[3] = ImportWorld.Id(Birth, true);
            }
            return row;
        }).ToList();
        var second = await w.ImportAsync(ImportWorld.Xlsx([report[0], .. fixedRows]), "fixed.xlsx", "AllOrNothing");
        second.GetProperty("status").GetString().ShouldBe("Succeeded", second.ToString());
        second.GetProperty("imported").GetInt32().ShouldBe(6);
        (await w.CountAsync()).ShouldBe(8);

        // The same original file again: the good rows are the same students, unchanged; nothing is duplicated.
        var again = await w.ImportAsync(original, "bad.xlsx", "ValidRowsOnly");
        again.GetProperty("imported").GetInt32().ShouldBe(0);
        again.GetProperty("unchanged").GetInt32().ShouldBe(2, again.ToString());
        (await w.CountAsync()).ShouldBe(8);

        // A changed class for one of them is an update of the same record, with a class-change entry.
        var moved = rows.Take(2).Select(r => r.ToArray()).ToArray();
        moved[1][12] = "2班";
        var update = await w.ImportAsync(ImportWorld.Xlsx(moved), "moved.xlsx", "AllOrNothing");
        update.GetProperty("updated").GetInt32().ShouldBe(1, update.ToString());
        (await w.CountAsync()).ShouldBe(8);
        var record = await w.DbAsync(db => db.Students.IgnoreQueryFilters().SingleAsync(s => s.SchoolId == w.SchoolId && s.Name == "甲"));
        record.Version.ShouldBe(1);
        (await w.DbAsync(db => db.Census.IgnoreQueryFilters().Where(c => c.SchoolId == w.SchoolId).SumAsync(c => c.Students))).ShouldBe(8);
        await CensusRecount.AssertKeptEqualsRecountAsync(factory, w.SchoolId);
    }

    [Fact]
    public async Task Another_schools_admin_cannot_import_or_see_the_job_and_the_county_can_import_for_its_school()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var other = await ImportWorld.CreateAsync(factory);
        var file = ImportWorld.Xlsx([ImportWorld.Headers, ImportWorld.Row("子", ImportWorld.Id(Birth, true))]);

        var denied = await w.UploadAsync(file, "x.xlsx", "AllOrNothing", other.Admin, w.SchoolId);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.CountAsync()).ShouldBe(0);

        var noMode = await w.UploadAsync(file, "x.xlsx", "");
        noMode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noMode.Content.ReadFromJsonAsync<JsonElement>()).Errors("mode").ShouldNotBeEmpty();

        var job = await w.ImportAsync(file, "x.xlsx", "AllOrNothing");
        (await other.Admin.GetAsync($"/api/v1/student-imports/{job.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var countyClient = await factory.ClientForAsync(county);
        var file2 = ImportWorld.Xlsx([ImportWorld.Headers, ImportWorld.Row("丑", ImportWorld.Id(Birth, false))]);
        (await w.UploadAsync(file2, "y.xlsx", "AllOrNothing", countyClient, w.SchoolId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var farCounty = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var farClient = await factory.ClientForAsync(farCounty);
        (await w.UploadAsync(file2, "y.xlsx", "AllOrNothing", farClient, w.SchoolId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_file_without_the_headers_fails_with_a_chinese_reason()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var job = await w.ImportAsync(ImportWorld.Xlsx([["a", "b"], ["1", "2"]]), "x.xlsx", "AllOrNothing");
        job.GetProperty("status").GetString().ShouldBe("Failed");
        job.GetProperty("message").GetString()!.ShouldContain("未找到表头");
    }
}
