using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Teachers;

/// <summary>/teachers/{id}/edit: qualifications, subjects, class assignments from a class picker and status, guarded by the record's Version.</summary>
public sealed partial class TeacherEditPageTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task An_administrator_edits_a_teacher_on_the_page_and_a_stale_form_is_a_conflict()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var county = await factory.ClientForAsync(countyUser);
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var gradeId = (await county.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 4 })).GetProperty("id").GetGuid();
        var otherClass = (await county.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 })).GetProperty("id").GetGuid();
        var citizenId = TestIds.NextCitizenId("520102", "19850301");
        var created = await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId, citizenId));
        var id = created.GetProperty("id").GetGuid();
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(countyUser);
        var url = $"/teachers/{id}/edit";

        (await browser.Http.PageAsync($"/teachers/{id}")).ShouldContain($"href=\"/teachers/{id}/edit\"");
        var page = await browser.Http.PageAsync(url);
        page.ShouldContain("data-testid=\"teacher-edit\"");
        page.ShouldContain($"value=\"{otherClass}\"");
        page.ShouldNotContain(citizenId);

        // A malformed certificate number is refused naming the row's field; nothing changes.
        var bad = await PostAsync(browser, url, Fields(0, "Active", "12345", otherClass));
        var badHtml = await bad.HtmlAsync();
        badHtml.ShouldContain("data-field=\"qualifications[0].certificateNumber\"");
        badHtml.ShouldContain("教师资格证书编号应为17位数字");
        (await TeacherAsync(county, id)).GetProperty("version").GetInt32().ShouldBe(0);

        var saved = await PostAsync(browser, url, Fields(0, "Active", "20155200000054321", otherClass));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.HtmlAsync());
        var after = await TeacherAsync(county, id);
        after.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["语文", "英语"], ignoreOrder: true);
        after.GetProperty("qualifications")[0].GetProperty("certificateNumber").GetString().ShouldBe("20155200000054321");
        var assignments = after.GetProperty("assignments").EnumerateArray().ToList();
        assignments.Single(a => a.GetProperty("classId").GetGuid() == otherClass).GetProperty("endedOn").ValueKind.ShouldBe(JsonValueKind.Null);
        assignments.Single(a => a.GetProperty("classId").GetGuid() == classId).GetProperty("endedOn").ValueKind.ShouldNotBe(JsonValueKind.Null);
        // The stored citizen ID was kept although the page never sent it.
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{id}")).GetProperty("citizenIdMasked").GetString().ShouldBe(created.GetProperty("citizenIdMasked").GetString());

        // The same form again carries the old Version: a conflict shown in Chinese on the field, no second change.
        var stale = await PostAsync(browser, url, Fields(0, "Retired", "20155200000054321", otherClass));
        var staleHtml = await stale.HtmlAsync();
        staleHtml.ShouldContain("data-field=\"version\"");
        staleHtml.ShouldContain("该教师档案已被他人修改，请刷新后重试");
        (await TeacherAsync(county, id)).GetProperty("status").GetString().ShouldBe("Active");

        // With the fresh Version the status change goes through, ends the assignments and is in the history and the audit log.
        var retired = await PostAsync(browser, url, Fields(after.GetProperty("version").GetInt32(), "Retired", "20155200000054321", otherClass));
        retired.StatusCode.ShouldBe(HttpStatusCode.Redirect, await retired.HtmlAsync());
        var last = await TeacherAsync(county, id);
        last.GetProperty("status").GetString().ShouldBe("Retired");
        last.GetProperty("assignments").EnumerateArray().ShouldAllBe(a => a.GetProperty("endedOn").ValueKind != JsonValueKind.Null);
        (await browser.Http.PageAsync($"/teachers/{id}")).ShouldContain("退休");
        var audited = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .CountAsync(e => e.ActorId == countyUser.Id && e.EntityId == id.ToString() && e.Action == AuditActions.Update));
        audited.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task An_administrator_of_another_county_cannot_open_or_post_the_edit_page()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var county = await factory.ClientForAsync(countyUser);
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var id = (await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId))).GetProperty("id").GetGuid();
        var outsider = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(outsider);

        var html = await browser.Http.PageAsync($"/teachers/{id}/edit");
        html.ShouldNotContain("data-testid=\"teacher-edit\"");
        html.ShouldContain("未找到该教师");
        (await TeacherAsync(county, id)).GetProperty("version").GetInt32().ShouldBe(0);
    }

    private static List<KeyValuePair<string, string>> Fields(int version, string status, string certificate, Guid classId) =>
    [
        new("version", version.ToString()), new("name", "王老师"), new("status", status), new("ethnicity", "01"), new("education", "21"), new("title", "3"),
        new("subject", "语文"), new("subject", "英语"),
        new("q.kind", "Primary"), new("q.subject", "语文"), new("q.number", certificate), new("q.issued", "2015-07-01"),
        new("q.kind", ""), new("q.subject", ""), new("q.number", ""), new("q.issued", ""),
        new("a.class", classId.ToString()), new("a.subject", "语文"), new("a.head", "true"),
        new("a.class", ""), new("a.subject", ""), new("a.head", "false"),
    ];

    private static async Task<JsonElement> TeacherAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{id}");

    /// <summary>Posts the form with repeated fields (rows), as a browser does, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(BrowserSession browser, string url, List<KeyValuePair<string, string>> fields)
    {
        var html = await (await browser.Http.GetAsync(url)).Content.ReadAsStringAsync();
        var token = BrowserSession.AntiforgeryToken(html);
        var body = new List<KeyValuePair<string, string>>(fields) { new("_handler", "edit-teacher"), new("__RequestVerificationToken", token) };
        return await browser.Http.PostAsync(url, new FormUrlEncodedContent(body));
    }
}
