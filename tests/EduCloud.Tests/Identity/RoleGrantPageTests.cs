using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Identity;

/// <summary>/admin/users/{id}: granting and revoking roles at a node, within the caller's scope, applying at the user's next request.</summary>
public sealed partial class RoleGrantPageTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_role_granted_and_revoked_on_the_page_applies_at_the_user_s_next_request()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var county = await factory.ClientForAsync(countyUser);
        var schoolId = await OrgApi.CreateSchoolAsync(county, "520102", name: "授权测试小学");
        var user = await factory.CreateUserAsync("Teacher", schoolId: schoolId);
        using var userClient = await factory.ClientForAsync(user);
        // This first read also caches the user's scope, so the grant below must evict it to show.
        (await userClient.GetAsync($"/api/v1/schools/{schoolId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(countyUser);
        var page = await browser.Http.PageAsync($"/admin/users/{user.Id}");
        page.ShouldContain("data-testid=\"grant-pick\"");
        page.ShouldNotContain("value=\"ProvinceAdmin\""); // above the county administrator's rank: not offered
        var url = $"/admin/users/{user.Id}?grant=SchoolAdmin&schoolId={schoolId}";
        (await browser.Http.PageAsync(url)).ShouldContain("data-testid=\"grant-form\"");
        var granted = await browser.SubmitAsync(url, "grant-role", new Dictionary<string, string> { ["role"] = "SchoolAdmin", ["schoolId"] = schoolId.ToString() });
        var html = await granted.HtmlAsync();
        html.ShouldContain("角色已授予", customMessage: html);
        html.ShouldContain("data-role=\"SchoolAdmin\"");
        html.ShouldContain("授权测试小学");

        (await userClient.GetAsync($"/api/v1/schools/{schoolId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var assignmentId = Regex.Match(html, "data-role=\"SchoolAdmin\"[\\s\\S]*?name=\"assignmentId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var revoked = await browser.SubmitAsync($"/admin/users/{user.Id}", "revoke-role", new Dictionary<string, string> { ["assignmentId"] = assignmentId });
        (await revoked.HtmlAsync()).ShouldContain("角色已撤销");
        (await userClient.GetAsync($"/api/v1/schools/{schoolId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audited = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .Where(e => e.ActorId == countyUser.Id && e.EntityId == assignmentId).Select(e => e.Action).ToListAsync());
        audited.ShouldContain(AuditActions.Create);
        audited.ShouldContain(AuditActions.Delete);
    }

    [Fact]
    public async Task A_teacher_is_placed_at_a_class_and_subject_and_a_parent_at_their_child_from_the_page()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var county = await factory.ClientForAsync(countyUser);
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var teacher = await factory.CreateUserAsync("Teacher", schoolId: schoolId);
        var child = await factory.CreateUserAsync("Student", classId: classId);
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(countyUser);

        var url = $"/admin/users/{teacher.Id}?grant=Teacher&schoolId={schoolId}";
        (await browser.Http.PageAsync(url)).ShouldContain($"value=\"{classId}\"");
        var asTeacher = await browser.SubmitAsync(url, "grant-role", new Dictionary<string, string>
        {
            ["role"] = "Teacher", ["schoolId"] = schoolId.ToString(), ["classId"] = classId.ToString(), ["subject"] = "数学",
        });
        (await asTeacher.HtmlAsync()).ShouldContain("角色已授予");

        var parentUrl = $"/admin/users/{teacher.Id}?grant=Parent";
        var unknown = await browser.SubmitAsync(parentUrl, "grant-role", new Dictionary<string, string> { ["role"] = "Parent", ["childUserName"] = "nobody_here" });
        var unknownHtml = await unknown.HtmlAsync();
        unknownHtml.ShouldContain("data-field=\"childUserName\"");
        unknownHtml.ShouldContain("未找到该子女账号");
        var asParent = await browser.SubmitAsync(parentUrl, "grant-role", new Dictionary<string, string>
        {
            ["role"] = "Parent", ["childUserName"] = child.UserName, ["relation"] = "母亲",
        });
        (await asParent.HtmlAsync()).ShouldContain("角色已授予");

        var details = await county.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{teacher.Id}");
        var roles = details.GetProperty("account").GetProperty("roles").EnumerateArray().ToList();
        roles.ShouldContain(r => r.GetProperty("role").GetString() == "Teacher" && r.GetProperty("classId").GetString() == classId.ToString()
            && r.GetProperty("subject").GetString() == "数学");
        roles.ShouldContain(r => r.GetProperty("role").GetString() == "Parent");
        details.GetProperty("children").EnumerateArray().ShouldContain(c => c.GetProperty("accountId").GetGuid() == child.Id);
    }

    [Fact]
    public async Task Grants_outside_the_caller_s_scope_or_rank_are_refused_and_audited()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var county = await factory.ClientForAsync(countyUser);
        var schoolId = await OrgApi.CreateSchoolAsync(county, "520102");
        var user = await factory.CreateUserAsync("Teacher", schoolId: schoolId);
        var outsider = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var outsiderClient = await factory.ClientForAsync(outsider);
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(outsider);

        var page = await browser.Http.PageAsync($"/admin/users/{user.Id}");
        page.ShouldNotContain("data-testid=\"grant-pick\"");
        var before = await DeniedAsync(outsider.Id);
        // The out-of-scope page has no form, so the token comes from the outsider's own account page (a token is per user, not per page).
        var token = BrowserSession.AntiforgeryToken(await browser.Http.GetStringAsync($"/admin/users/{outsider.Id}"));
        var crafted = await browser.Http.PostAsync($"/admin/users/{user.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "grant-role", ["role"] = "SchoolAdmin", ["schoolId"] = schoolId.ToString(),
            ["__RequestVerificationToken"] = token,
        }));
        crafted.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await DeniedAsync(outsider.Id)).ShouldBeGreaterThan(before);

        var api = await outsiderClient.PostAsJsonAsync($"/api/v1/accounts/{user.Id}/roles", new { role = "SchoolAdmin", schoolId });
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The county administrator may see the user but not make a province administrator, nor a school administrator elsewhere.
        var rank = await county.PostAsJsonAsync($"/api/v1/accounts/{user.Id}/roles", new { role = "ProvinceAdmin", regionCode = "520000" });
        rank.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var elsewhere = await OrgApi.CreateSchoolAsync(outsiderClient, "520103");
        (await county.PostAsJsonAsync($"/api/v1/accounts/{user.Id}/roles", new { role = "SchoolAdmin", schoolId = elsewhere })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DeniedAsync(countyUser.Id)).ShouldBeGreaterThanOrEqualTo(2);
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{user.Id}")).GetProperty("account").GetProperty("roles").GetArrayLength().ShouldBe(1);
    }

    private Task<int> DeniedAsync(Guid actorId) => factory.AsPlatformAsync(sp =>
        sp.GetRequiredService<AuditDbContext>().Entries.CountAsync(e => e.ActorId == actorId && e.Outcome == AuditOutcome.Denied));
}
