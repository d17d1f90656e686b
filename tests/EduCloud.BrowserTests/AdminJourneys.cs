using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>The administration pages added for issues 2 and 3: teacher edit, role grants on a user, OIDC clients.</summary>
public sealed partial class Journeys
{
    [Fact]
    public async Task A_school_admin_adds_a_subject_to_a_teacher_on_the_edit_page()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "teacher-edit", async () =>
        {
            await SignInAsync(page, "school_admin");
            await page.GotoAsync("/teachers");
            // The last teacher of the list, so the demo `teacher` account the other journeys read stays as it is.
            await page.Locator("[data-testid=teacher-row] a").Last.ClickAsync();
            await page.Locator("[data-testid=edit-teacher]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/teachers/[0-9a-f-]{36}/edit$"));
            var unticked = page.Locator("[data-testid=subjects] input[type=checkbox]:not(:checked)").First;
            var code = await unticked.GetAttributeAsync("value");
            var label = (await page.Locator($"[data-testid=subjects] label:has(input[value='{code}'])").InnerTextAsync()).Trim();
            await unticked.CheckAsync();
            await page.Locator("[data-testid=teacher-edit] button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/teachers/[0-9a-f-]{36}$"));
            (await page.Locator("[data-testid=teacher-detail]").InnerTextAsync()).ShouldContain(label);
        });
    }

    [Fact]
    public async Task The_national_admin_grants_a_school_role_from_the_pickers_and_revokes_it()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "role-grant", async () =>
        {
            await SignInAsync(page, "national_admin");
            var stamp = DateTime.UtcNow;
            var user = "grant_" + stamp.ToString("HHmmssfff");
            var created = await page.Context.APIRequest.PostAsync("/api/v1/accounts", new APIRequestContextOptions
            {
                DataObject = new
                {
                    userName = user, displayName = "授权演示", citizenId = BrowserId(new DateOnly(1985, 1 + stamp.Minute % 12, 1 + stamp.Second % 28), 100 + stamp.Millisecond % 400),
                    role = "CountyAdmin", regionCode = "520102",
                },
            });
            created.Status.ShouldBe(201, await created.TextAsync());
            var id = (await created.JsonAsync())!.Value.GetProperty("account").GetProperty("id").GetString();

            await page.GotoAsync($"/admin/users/{id}");
            await page.Locator("[data-testid=grant-pick] select[name=grant]").SelectOptionAsync("SchoolAdmin");
            await page.Locator("[data-testid=grant-pick] button[type=submit]").ClickAsync();
            var schools = page.Locator("[data-testid=grant-school]");
            await schools.WaitForAsync();
            var schoolName = (await schools.Locator("option").Nth(1).InnerTextAsync()).Split(" (")[0];
            await schools.SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.Locator("[data-testid=grant-pick] button[type=submit]").ClickAsync();
            await page.Locator("[data-testid=grant-role]").ClickAsync();

            var row = page.Locator("[data-testid=role-row][data-role=SchoolAdmin]");
            (await row.InnerTextAsync()).ShouldContain(schoolName);
            await row.Locator("[data-testid=revoke-role]").ClickAsync();
            await page.Locator("[data-testid=role-result]").WaitForAsync();
            (await page.Locator("[data-testid=role-row][data-role=SchoolAdmin]").CountAsync()).ShouldBe(0);
        });
    }

    [Fact]
    public async Task The_national_admin_registers_an_oidc_client_sees_its_secret_once_and_deletes_it()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "oidc-clients", async () =>
        {
            await SignInAsync(page, "national_admin");
            await page.GotoAsync("/admin/clients");
            var clientId = "browser-" + DateTime.UtcNow.ToString("HHmmssfff");
            await page.Locator("#clientId").FillAsync(clientId);
            await page.Locator("#displayName").FillAsync("浏览器测试服务");
            await page.Locator("input[name=grantTypes][value=client_credentials]").CheckAsync();
            await page.Locator("[data-testid=create-client]").ClickAsync();
            var secret = (await page.Locator("[data-testid=client-secret]").InnerTextAsync()).Trim();
            secret.Length.ShouldBeGreaterThan(30);

            await page.GotoAsync("/admin/clients");
            (await page.ContentAsync()).ShouldNotContain(secret);
            var row = page.Locator($"[data-testid=client-row][data-client='{clientId}']");
            await row.Locator("[data-testid=delete-client]").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await page.Locator($"[data-testid=client-row][data-client='{clientId}']").CountAsync()).ShouldBe(0);
        });
    }
}
