using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>A school with 三年级 1班/2班 in the current year, its administrator, and helpers to upload and wait.</summary>
internal sealed class ImportWorld
{
    public static readonly string[] Headers = ["姓名", "性别", "出生日期", "公民身份号码", "学籍号", "民族", "户口性质", "户籍所在地", "是否留守儿童", "是否随迁子女", "残疾类型", "年级", "班级", "入学年月", "监护人姓名", "监护人关系", "监护人电话"];

    public required EduCloudFactory Factory { get; init; }
    public required Guid SchoolId { get; init; }
    public required HttpClient Admin { get; init; }
    public required TestUser AdminUser { get; init; }

    public static async Task<ImportWorld> CreateAsync(EduCloudFactory factory)
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, CurrentStartYear());
        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var countyClient = await factory.ClientForAsync(county);
        var schoolId = await OrgApi.CreateSchoolAsync(countyClient);
        var grade = await countyClient.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 3 });
        var gradeId = grade.GetProperty("id").GetGuid();
        await countyClient.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 });
        await countyClient.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 });
        var admin = await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId);
        return new ImportWorld { Factory = factory, SchoolId = schoolId, Admin = await factory.ClientForAsync(admin), AdminUser = admin };
    }

    private static int _sequence = Random.Shared.Next(0, 400);

    public static int CurrentStartYear() => DateTime.Today.Month >= 9 ? DateTime.Today.Year : DateTime.Today.Year - 1;

    /// <summary>A valid ID for a third-grader, e.g. born 2017-03-14; odd 17th digit = male.</summary>
    public static string Id(DateOnly birth, bool male)
    {
        var n = Interlocked.Increment(ref _sequence);
        var first17 = "520102" + birth.ToString("yyyyMMdd") + ((n * 2 + (male ? 1 : 0)) % 1000).ToString("D3");
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }

    public static string[] Row(string name, string id, string birth = "", string sex = "", string ethnicity = "汉族", string grade = "三年级", string cls = "1班", string number = "") =>
        [name, sex, birth, id, number, ethnicity, "农业", "520102", "否", "否", "无", grade, cls, "", "王芳", "母亲", "13800138000"];

    public static byte[] Xlsx(IEnumerable<object?[]> rows, Action<IXLWorksheet>? shape = null)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Sheet1");
        var r = 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case DateTime d:
                        cell.Value = d;
                        break;
                    case double n:
                        cell.Value = n;
                        break;
                    case string s:
                        cell.SetValue(s);
                        break;
                }
            }
            r++;
        }
        shape?.Invoke(sheet);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, string mode, HttpClient? client = null, Guid? schoolId = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        form.Add(new StringContent(mode), "mode");
        if (schoolId is not null)
        {
            form.Add(new StringContent(schoolId.ToString()!), "schoolId");
        }
        return await (client ?? Admin).PostAsync("/api/v1/student-imports", form);
    }

    /// <summary>Uploads and waits for the background job to finish; returns the finished job.</summary>
    public async Task<JsonElement> ImportAsync(byte[] file, string fileName, string mode)
    {
        var response = await UploadAsync(file, fileName, mode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body.ToString());
        return await WaitAsync(body.GetProperty("id").GetGuid());
    }

    public async Task<JsonElement> WaitAsync(Guid jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/student-imports/{jobId}");
            if (job.GetProperty("status").GetString() is "Succeeded" or "Rejected" or "Failed" or "Cancelled")
            {
                return job;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    /// <summary>The error report's rows (header first) as text.</summary>
    public async Task<List<string[]>> ReportAsync(JsonElement job)
    {
        var bytes = await Admin.GetByteArrayAsync(job.GetProperty("errorReportUrl").GetString());
        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet(1);
        var width = sheet.LastColumnUsed()!.ColumnNumber();
        return sheet.RowsUsed().Select(r => Enumerable.Range(1, width).Select(c => r.Cell(c).GetString()).ToArray()).ToList();
    }

    public Task<T> DbAsync<T>(Func<StudentsDbContext, Task<T>> query) =>
        Factory.AsPlatformAsync(sp => query(sp.GetRequiredService<StudentsDbContext>()));

    public Task<int> CountAsync() => DbAsync(db => db.Students.IgnoreQueryFilters().CountAsync(s => s.SchoolId == SchoolId));
}
