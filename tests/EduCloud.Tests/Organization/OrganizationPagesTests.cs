using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EduCloud.Tests.Organization;

public sealed class OrganizationPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<HttpClient> PageClientAsync(TestUser user)
    {
        // No automatic redirects: a successful create answers with a redirect the test inspects.
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var tokenClient = await factory.ClientForAsync(user);
        client.DefaultRequestHeaders.Authorization = tokenClient.DefaultRequestHeaders.Authorization;
        return client;
    }

    [Fact]
    public async Task The_org_page_shows_breadcrumbs_and_each_visible_child_as_an_org_node()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var api = await factory.ClientForAsync(admin);
        await OrgApi.CreateSchoolAsync(api, name: "页面测试小学");
        using var client = await PageClientAsync(admin);

        var html = await client.PageAsync("/org");

        html.ShouldContain("data-testid=\"breadcrumbs\"");
        html.ShouldContain("南明区");
        html.ShouldContain("页面测试小学");
        PageForms.Count(html, "data-testid=\"org-node\"").ShouldBeGreaterThanOrEqualTo(1);
        var province = await client.PageAsync("/org?region=520000");
        province.ShouldContain("贵阳市");
        province.ShouldNotContain("遵义市");
    }

    [Fact]
    public async Task A_school_form_shows_field_errors_in_Chinese_and_in_English_and_a_good_school_is_created()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await PageClientAsync(admin);
        var fields = new Dictionary<string, string>
        {
            ["Model.Code"] = "2144000001", ["Model.Name"] = "", ["Model.Stages"] = "Primary", ["Model.UrbanRural"] = "Urban",
            ["Model.RegionCode"] = "520102", ["Model.Address"] = "",
        };

        var bad = await (await client.SubmitAsync("/admin/schools/new", "school", fields)).HtmlAsync();
        bad.ShouldContain("class=\"validation-message\" data-field=\"name\">学校名称不能为空");
        bad.ShouldContain("省级代码");
        var english = await (await client.SubmitAsync("/admin/schools/new?culture=en", "school", fields)).HtmlAsync();
        english.ShouldContain("School name is required");

        var code = TestIds.NextSchoolCode();
        fields["Model.Code"] = code;
        fields["Model.Name"] = "表单新建小学";
        var created = await client.SubmitAsync("/admin/schools/new", "school", fields);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edit = await client.PageAsync(created.Headers.Location!.OriginalString);
        edit.ShouldContain(code);
        var list = await client.PageAsync("/admin/schools?q=" + Uri.EscapeDataString("表单新建"));
        list.ShouldContain("表单新建小学");
        PageForms.Count(list, "data-testid=\"school-row\"").ShouldBe(1);
    }

    [Fact]
    public async Task Grades_classes_and_teaching_points_are_managed_from_the_school_pages()
    {
        await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var api = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(api, name: "年级页面小学");
        using var client = await PageClientAsync(admin);

        var point = await client.SubmitAsync($"/admin/schools/{schoolId}/teaching-points", "teaching-point",
            new() { ["Model.Name"] = "页面教学点", ["Model.RegionCode"] = "520102", ["Model.Address"] = "", ["Model.UrbanRural"] = "Rural" });
        (await point.HtmlAsync()).ShouldContain("页面教学点");
        var points = await api.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/teaching-points");
        var pointId = points[0].GetProperty("id").GetGuid();
        var edited = await client.SubmitAsync($"/admin/schools/{schoolId}/teaching-points?edit={pointId}", "teaching-point",
            new() { ["Model.Name"] = "页面教学点改名", ["Model.RegionCode"] = "530102", ["Model.Address"] = "", ["Model.UrbanRural"] = "Rural" });
        (await edited.HtmlAsync()).ShouldContain("教学点必须与中心校在同一省份");

        var grade = await client.SubmitAsync($"/admin/schools/{schoolId}/grades", "grade", new() { ["Model.Stage"] = "Primary", ["Model.Level"] = "2" });
        (await grade.HtmlAsync()).ShouldContain("二年级");
        var duplicate = await client.SubmitAsync($"/admin/schools/{schoolId}/grades", "grade", new() { ["Model.Stage"] = "Primary", ["Model.Level"] = "2" });
        (await duplicate.HtmlAsync()).ShouldContain("validation-message");

        var grades = await api.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/grades");
        var gradeId = grades.GetProperty("grades")[0].GetProperty("id").GetGuid();
        var cls = await client.SubmitAsync($"/admin/classes/new?gradeId={gradeId}", "class", new() { ["Model.Number"] = "3", ["Model.Name"] = "" });
        cls.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.PageAsync($"/admin/schools/{schoolId}/grades");
        page.ShouldContain("3班");
    }

    [Fact]
    public async Task A_teacher_is_refused_the_admin_pages()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var api = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(api);
        var teacher = await factory.CreateUserAsync("Teacher", schoolId: schoolId);
        using var client = await PageClientAsync(teacher);

        var html = await client.PageAsync("/admin/schools");

        html.ShouldContain("无权访问该页面");
        html.ShouldNotContain("data-testid=\"school-row\"");
    }
}
