using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Resources;

public sealed class CatalogueTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_shipped_catalogue_has_the_chapters_of_renjiao_grade_one_maths_in_order()
    {
        using var teacher = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var volume = await ResourceApi.NodeAsync(teacher, "小学", "数学", "人教版", "一年级上册");
        var chapters = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/resources/catalogue?parentId={volume}");
        chapters.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(
            ["1 准备课", "2 位置", "3 1～5的认识和加减法", "4 认识图形（一）", "5 6～10的认识和加减法", "6 11～20各数的认识", "7 认识钟表", "8 20以内的进位加法", "9 总复习"]);
        var path = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/resources/catalogue/{volume}/path");
        path.GetProperty("gradeCode").GetString().ShouldBe("1");
        path.GetProperty("subjectCode").GetString().ShouldBe("shuxue");
    }

    [Fact]
    public async Task Administrators_add_rename_and_retire_nodes_and_others_may_not()
    {
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var teacher = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var edition = await ResourceApi.NodeAsync(admin, "初中", "语文", "统编版");
        (await teacher.PostAsJsonAsync("/api/v1/resources/catalogue", new { parentId = edition, name = "七年级下册" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var volume = await admin.CreatedAsync("/api/v1/resources/catalogue", new { parentId = edition, name = "七年级下册" });
        volume.GetProperty("level").GetString().ShouldBe("Volume");
        volume.GetProperty("gradeCode").GetString().ShouldBe("7");
        var id = volume.GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync("/api/v1/resources/catalogue", new { parentId = edition, name = "七年级下册" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/v1/resources/catalogue", new { parentId = (Guid?)null, name = "大学" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/resources/catalogue", new { parentId = id, name = "<b>第一单元</b>" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var renamed = await admin.PutAsJsonAsync($"/api/v1/resources/catalogue/{id}", new { name = "七年级下册（2024）", retired = true });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var children = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/catalogue?parentId={edition}");
        children.EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == id);
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/catalogue?parentId={edition}&includeRetired=true");
        all.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id).GetProperty("name").GetString().ShouldBe("七年级下册（2024）");
    }

    [Fact]
    public async Task A_catalogue_imports_from_csv_and_xlsx_idempotently_and_a_bad_row_refuses_the_file()
    {
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var csv = "学段,学科,教材版本,册,章,节\n小学,数学,北师大版,二年级上册,一 加与减,1 谁的得分高\n小学,数学,北师大版,二年级上册,一 加与减,2 秋游\n小学,数学,北师大版,二年级上册,二 购物,\n";
        var first = await PostFileAsync(admin, "目录.csv", Encoding.UTF8.GetBytes(csv));
        first.GetProperty("created").GetInt32().ShouldBe(6); // 北师大版, 二年级上册, two chapters, two sections
        (await PostFileAsync(admin, "目录.csv", Encoding.UTF8.GetBytes(csv))).GetProperty("created").GetInt32().ShouldBe(0);
        var volume = await ResourceApi.NodeAsync(admin, "小学", "数学", "北师大版", "二年级上册");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/catalogue?parentId={volume}")).GetArrayLength().ShouldBe(2);

        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("目录");
        string[][] rows = [["学段", "学科", "教材版本", "册", "章", "节"], ["初中", "数学", "北师大版", "七年级上册", "第一章 丰富的图形世界", "1 生活中的立体图形"], ["初中", "炼金术", "北师大版", "七年级上册", "x", ""]];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).Value = rows[r][c];
            }
        }
        var stream = new MemoryStream();
        book.SaveAs(stream);
        var refused = await PostRawAsync(admin, "目录.xlsx", stream.ToArray());
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("第3行");
        // All or nothing: the good row of the refused file was not kept.
        var junior = await ResourceApi.NodeAsync(admin, "初中", "数学");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/catalogue?parentId={junior}")).EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("name").GetString() == "北师大版");

        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        (await PostRawAsync(provider, "目录.csv", Encoding.UTF8.GetBytes(csv))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        return await client.PostAsync("/api/v1/resources/catalogue/import", form);
    }

    private static async Task<JsonElement> PostFileAsync(HttpClient client, string name, byte[] bytes)
    {
        var response = await PostRawAsync(client, name, bytes);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }
}
