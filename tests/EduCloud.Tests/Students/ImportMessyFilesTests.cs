using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Privacy;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>Real .xlsx and .csv files with what schools really put in them, imported through the API and the background job.</summary>
public sealed class ImportMessyFilesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Messy_xlsx_with_title_row_full_width_digits_apostrophes_and_serial_dates_imports_every_row()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var b1 = new DateOnly(2017, 3, 14);
        var b2 = new DateOnly(2016, 11, 2);
        var b3 = new DateOnly(2017, 1, 9);
        var b4 = new DateOnly(2016, 9, 30);
        var b5 = new DateOnly(2017, 5, 20);
        var id1 = ImportWorld.Id(b1, true);
        var id2 = ImportWorld.Id(b2, false);
        var id3 = ImportWorld.Id(b3, true);
        var id4 = ImportWorld.Id(b4, false);
        var id5 = ImportWorld.Id(b5, true);
        var fullWidth = new string(id1.Select(c => char.IsAsciiDigit(c) ? (char)(c + 0xFEE0) : c).ToArray());
        object?[][] rows =
        [
            ["南明区测试小学2026学年三年级学生名单"],
            ImportWorld.Headers.Select(h => (object?)("  " + h + " ")).ToArray(),
            [.. ImportWorld.Row("张　三", fullWidth, birth: "２０１７年３月１４日", sex: "男", cls: "（1）班")],
            [.. ImportWorld.Row("李四", "'" + id2.ToLowerInvariant(), birth: "2016/11/2", sex: "女", ethnicity: "苗")],
            [.. ImportWorld.Row("王五", id3, birth: "20170109", ethnicity: "01", cls: "三年级2班", grade: "")],
            ImportWorld.Row("赵六", id4, ethnicity: "06", cls: "2").Select((v, i) => i == 2 ? (object?)new DateTime(2016, 9, 30) : v).ToArray(),
            ImportWorld.Row("钱七", id5, cls: "1班").Select((v, i) => i == 2 ? (object?)(double)(b5.DayNumber - new DateOnly(1899, 12, 30).DayNumber) : v).ToArray(),
            [null, "", "  "],
            [],
            [" "],
        ];
        if (id2[^1] != 'X')
        {
            // Make sure the lower-case x case is really exercised: find an ID ending in X for 李四.
            rows[3][3] = "'" + IdEndingInX(b2).ToLowerInvariant();
        }
        var file = ImportWorld.Xlsx(rows, sheet => sheet.Range(1, 1, 1, 17).Merge());

        var job = await w.ImportAsync(file, "三年级名单.xlsx", "AllOrNothing");

        job.GetProperty("status").GetString().ShouldBe("Succeeded", job.ToString());
        job.GetProperty("imported").GetInt32().ShouldBe(5);
        job.GetProperty("failed").GetInt32().ShouldBe(0);
        var jobId = job.GetProperty("id").GetGuid();
        var students = await w.DbAsync(db => db.Students.IgnoreQueryFilters().Where(s => s.SchoolId == w.SchoolId).OrderBy(s => s.BirthDate).ToListAsync());
        students.Select(s => s.Name).ShouldBe(["赵六", "李四", "王五", "张 三", "钱七"]);
        students.Single(s => s.Name == "李四").StudentNumber.ShouldEndWith("X");
        students.Single(s => s.Name == "李四").EthnicityCode.ShouldBe("06");
        students.Single(s => s.Name == "张 三").StudentNumber.ShouldBe("G" + id1);
        students.Single(s => s.Name == "钱七").BirthDate.ShouldBe(b5);
        students.All(s => s.CitizenIdCipher != null && !s.CitizenIdCipher.Contains(s.StudentNumber[1..])).ShouldBeTrue();
        students.Single(s => s.Name == "王五").Guardians.Single().PhoneMasked.ShouldBe("138****8000");
        var classes = students.Select(s => s.ClassId).Distinct().Count();
        classes.ShouldBe(2);

        var admissions = await w.DbAsync(db => db.StatusChanges.IgnoreQueryFilters().CountAsync(c => c.BatchId == jobId && c.Kind == ChangeKind.Admission));
        admissions.ShouldBe(5);
        // What the bulk writer put in each typed column (binary COPY on PostgreSQL, bound values on SQLite) reads back as written.
        var wang = students.Single(s => s.Name == "王五");
        (wang.Sex, wang.BirthDate, wang.HukouKind, wang.HukouRegionCode, wang.LeftBehind, wang.Migrant).ShouldBe((Sex.Male, b3, HukouKind.Agricultural, "520102", false, false));
        (wang.Status, wang.Version, wang.AccountId, wang.ConsentRecordedAt).ShouldBe((EnrolmentStatus.Enrolled, 0, null, null));
        wang.CitizenIdHash.ShouldBe(factory.Services.GetRequiredService<PersonalDataProtector>().Hash(id3));
        wang.CitizenIdMasked.ShouldBe(id3[..6] + "********" + id3[14..]);
        (wang.Guardians.Single().Name, wang.Guardians.Single().Relation).ShouldBe(("王芳", "母亲"));
        factory.Services.GetRequiredService<PersonalDataProtector>().Unprotect(wang.Guardians.Single().PhoneCipher!).ShouldBe("13800138000");
        (DateTime.UtcNow - wang.CreatedAt).ShouldBeLessThan(TimeSpan.FromMinutes(5));
        wang.UpdatedAt.ShouldBe(wang.CreatedAt);
        var admission = await w.DbAsync(db => db.StatusChanges.IgnoreQueryFilters().SingleAsync(c => c.StudentId == wang.Id));
        (admission.Kind, admission.ReasonCode, admission.Note, admission.FromStatus, admission.ToStatus).ShouldBe((ChangeKind.Admission, "11", "批量导入", null, EnrolmentStatus.Enrolled));
        (admission.ToClassId, admission.ToGradeLevel, admission.ToSchoolId, admission.SchoolId).ShouldBe((wang.ClassId, wang.GradeLevel, w.SchoolId, w.SchoolId));
        admission.EffectiveOn.ShouldBe(new DateOnly(wang.EntryYear, 9, 1));
        admission.RecordedAt.ShouldBe(wang.CreatedAt);
        var census = await w.DbAsync(db => db.Census.IgnoreQueryFilters().Where(c => c.SchoolId == w.SchoolId).SumAsync(c => c.Students));
        census.ShouldBe(5);
        var audit = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.Where(e => e.SchoolId == w.SchoolId && e.EntityType != "ImportJob").ToListAsync());
        audit.Count(e => e.EntityType == "StudentImport").ShouldBe(1);
        audit.ShouldNotContain(e => e.EntityType == nameof(StudentRecord), "the batch writes one audit line, not one per row");
        audit.Single(e => e.EntityType == "StudentImport").Details.ShouldNotContain(id1);
    }

    [Fact]
    public async Task Two_row_merged_header_and_csv_with_bom_are_understood()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var top = ImportWorld.Headers.Take(14).Select(h => (object?)h).Concat(["监护人信息", null, null]).ToArray();
        var sub = Enumerable.Repeat<object?>(null, 14).Concat(["姓名", "关系", "电话"]).ToArray();
        var id = ImportWorld.Id(new DateOnly(2017, 2, 2), false);
        var xlsx = ImportWorld.Xlsx([["学生名单"], top, sub, [.. ImportWorld.Row("孙八", id, sex: "女")]], sheet =>
        {
            sheet.Range(2, 15, 2, 17).Merge();
            for (var c = 1; c <= 14; c++)
            {
                sheet.Range(2, c, 3, c).Merge();
            }
        });
        var job = await w.ImportAsync(xlsx, "two-rows.xlsx", "AllOrNothing");
        job.GetProperty("status").GetString().ShouldBe("Succeeded", job.ToString());
        var guardian = await w.DbAsync(db => db.Students.IgnoreQueryFilters().AsNoTracking().Where(s => s.SchoolId == w.SchoolId).Select(s => s.Guardians).SingleAsync());
        guardian.Single().Name.ShouldBe("王芳");
        guardian.Single().Relation.ShouldBe("母亲");

        var id2 = ImportWorld.Id(new DateOnly(2017, 4, 4), true);
        var csv = "\uFEFF" + string.Join(",", ImportWorld.Headers) + "\r\n" + string.Join(",", ImportWorld.Row("周九", id2, birth: "2017-04-04", cls: "\"2班\"")) + "\r\n\r\n";
        var csvJob = await w.ImportAsync(Encoding.UTF8.GetBytes(csv), "名单.csv", "ValidRowsOnly");
        csvJob.GetProperty("status").GetString().ShouldBe("Succeeded", csvJob.ToString());
        csvJob.GetProperty("imported").GetInt32().ShouldBe(1);
        (await w.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Templates_carry_the_chinese_headers_and_export_masks_ids()
    {
        var w = await ImportWorld.CreateAsync(factory);
        var xlsx = await w.Admin.GetByteArrayAsync("/api/v1/student-imports/template.xlsx");
        using (var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx)))
        {
            book.Worksheet(1).Row(1).Cells(1, 17).Select(c => c.GetString()).ShouldBe(ImportWorld.Headers);
        }
        var csv = await w.Admin.GetByteArrayAsync("/api/v1/student-imports/template.csv");
        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(csv, 3, csv.Length - 3).TrimEnd().ShouldBe(string.Join(",", ImportWorld.Headers));

        var id = ImportWorld.Id(new DateOnly(2017, 6, 1), true);
        (await w.ImportAsync(ImportWorld.Xlsx([ImportWorld.Headers, ImportWorld.Row("吴十", id)]), "x.xlsx", "AllOrNothing"))
            .GetProperty("status").GetString().ShouldBe("Succeeded");
        var export = await w.Admin.GetByteArrayAsync($"/api/v1/students/export.xlsx?schoolId={w.SchoolId}");
        using var exported = new ClosedXML.Excel.XLWorkbook(new MemoryStream(export));
        var sheet = exported.Worksheet(1);
        sheet.Row(1).Cells(1, 17).Select(c => c.GetString()).ShouldBe(ImportWorld.Headers);
        sheet.Cell(2, 1).GetString().ShouldBe("吴十");
        sheet.Cell(2, 4).GetString().ShouldBe(id[..6] + "********" + id[14..]);
        sheet.Cell(2, 5).GetString().ShouldNotContain(id[6..14]);
        sheet.Cell(2, 12).GetString().ShouldBe("三年级");
        sheet.Cell(2, 13).GetString().ShouldBe("1班");
    }

    [Fact]
    public async Task A_file_made_by_libreoffice_imports()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Students", "Fixtures", "libreoffice-class-list.xlsx");
        Assert.True(File.Exists(fixture), "fixture made with soffice --convert-to xlsx is missing");
        var w = await ImportWorld.CreateAsync(factory);
        var job = await w.ImportAsync(await File.ReadAllBytesAsync(fixture), "libreoffice-class-list.xlsx", "ValidRowsOnly");
        // The fixture holds 4 good rows and 1 with a wrong check digit (see Fixtures/README.md).
        job.GetProperty("imported").GetInt32().ShouldBe(4, job.ToString());
        job.GetProperty("failed").GetInt32().ShouldBe(1);
        var report = await w.ReportAsync(job);
        report[1][^1].ShouldContain("公民身份号码：校验码不正确");
    }

    private static string IdEndingInX(DateOnly birth)
    {
        for (var i = 0; i < 1000; i++)
        {
            var first17 = "520102" + birth.ToString("yyyyMMdd") + (i * 2 % 1000).ToString("D3");
            if (global::EduCloud.Kernel.Codes.CitizenId.ComputeCheckCharacter(first17) == 'X')
            {
                return first17 + "X";
            }
        }
        throw new InvalidOperationException();
    }
}
