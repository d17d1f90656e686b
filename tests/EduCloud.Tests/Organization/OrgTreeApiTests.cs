using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

public sealed class OrgTreeApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static IEnumerable<string> Names(JsonElement tree) => tree.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    [Fact]
    public async Task A_county_admin_lands_on_their_county_and_walks_down_to_the_classes_with_breadcrumbs()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client, name: "树形测试小学");
        await client.CreatedAsync("/api/v1/teaching-points", new { centralSchoolId = schoolId, name = "树形教学点", regionCode = "520102" });
        var gradeId = (await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 1 })).GetProperty("id").GetGuid();
        await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 });

        var county = await client.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");
        county.GetProperty("node").GetProperty("key").GetString().ShouldBe("520102");
        Names(county).ShouldContain("树形测试小学");
        Names(county).ShouldContain("树形教学点");
        county.GetProperty("breadcrumbs").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ShouldBe(["贵州省", "贵阳市", "南明区"]);

        var school = await client.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?school={schoolId}&academicYearId={yearId}");
        Names(school).ShouldBe(["一年级"]);
        school.GetProperty("children")[0].GetProperty("count").GetInt32().ShouldBe(1);

        var grade = await client.GetFromJsonAsync<JsonElement>($"/api/v1/org/tree?grade={gradeId}");
        Names(grade).ShouldBe(["1班"]);
        grade.GetProperty("breadcrumbs").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Above_their_county_a_county_admin_sees_only_the_branch_that_leads_to_it_or_holds_what_they_can_see()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var national = await factory.CreateUserAsync("NationalAdmin");
        using var nationalClient = await factory.ClientForAsync(national);
        await OrgApi.CreateSchoolAsync(nationalClient, region: "520302", name: "遵义的学校");

        var province = await client.GetFromJsonAsync<JsonElement>("/api/v1/org/tree?region=520000");
        Names(province).ShouldContain("贵阳市");
        Names(province).ShouldNotContain("遵义市");

        var nationalView = await nationalClient.GetFromJsonAsync<JsonElement>("/api/v1/org/tree?region=520000");
        Names(nationalView).ShouldContain("遵义市");
        nationalView.GetProperty("children").EnumerateArray().First(c => c.GetProperty("name").GetString() == "遵义市").GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_teacher_gets_their_own_classes_instead_of_the_regional_tree()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client, name: "教师测试小学");
        var gradeId = (await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 4 })).GetProperty("id").GetGuid();
        var mine = (await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 });
        var teacher = await factory.CreateUserAsync("Teacher", classId: mine);
        using var teacherClient = await factory.ClientForAsync(teacher);

        var tree = await teacherClient.GetFromJsonAsync<JsonElement>("/api/v1/org/tree");

        tree.GetProperty("node").GetProperty("kind").GetString().ShouldBe("mine");
        Names(tree).ShouldBe(["教师测试小学 四年级1班"]);
        (await teacherClient.GetAsync($"/api/v1/org/tree?school={schoolId}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
