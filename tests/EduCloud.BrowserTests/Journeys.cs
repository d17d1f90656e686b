using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// The main journeys of issue 2, against the page-route contract and the demo accounts (password Demo2026).
/// Each journey ends with a screenshot in screenshots/ (git-ignored), also when it fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class Journeys(ServerAndBrowser app)
{
    public static TheoryData<string, string> DemoAccounts() => new()
    {
        { "national_admin", "NationalAdmin" },
        { "gz_admin", "ProvinceAdmin" },
        { "gy_admin", "CityAdmin" },
        { "nm_admin", "CountyAdmin" },
        { "school_admin", "SchoolAdmin" },
        { "teacher", "Teacher" },
        { "student", "Student" },
        { "parent", "Parent" },
        { "reviewer", "ResourceReviewer" },
        { "provider", "ResourceProvider" },
    };

    [Fact]
    public async Task The_harness_runs_the_real_server_with_its_static_assets()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "health", async () =>
        {
            var health = await page.GotoAsync("/health");
            health!.Status.ShouldBe(200);
            (await page.Locator("body").InnerTextAsync()).ShouldContain("ready");

            (await page.Context.APIRequest.GetAsync("/app.css")).Status.ShouldBe(200);
            (await page.Context.APIRequest.GetAsync("/openapi/v1.json")).Status.ShouldBe(200);
        });
        File.Exists(Path.Combine(ServerAndBrowser.Screenshots, "health.png")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_server_starts_and_serves_the_sign_in_page()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "signin-page", async () =>
        {
            var response = await page.GotoAsync("/signin");

            response!.Status.ShouldBe(200);
            (await page.Locator("input[name=UserName]").CountAsync()).ShouldBe(1);
            (await page.Locator("input[name=Password]").CountAsync()).ShouldBe(1);
            (await page.Locator("button[type=submit], input[type=submit]").CountAsync()).ShouldBeGreaterThan(0);
        });
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "anonymous-home", async () =>
        {
            await page.GotoAsync("/");

            new Uri(page.Url).AbsolutePath.ShouldBe("/signin");
        });
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Each_demo_role_signs_in_to_its_home_page(string userName, string role)
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "home-" + userName, async () =>
        {
            await SignInAsync(page, userName);

            var home = page.Locator("[data-testid=role-home]");
            await home.WaitForAsync();
            (await home.GetAttributeAsync("data-role")).ShouldBe(role);
        });
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_on_the_sign_in_page()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "signin-wrong-password", async () =>
        {
            await SignInAsync(page, "teacher", "Wrong2026");

            new Uri(page.Url).AbsolutePath.ShouldBe("/signin");
            var error = page.Locator(".validation-message, .error");
            await error.First.WaitForAsync();
            (await error.First.InnerTextAsync()).Trim().ShouldNotBeEmpty();
            (await page.Locator("[data-testid=role-home]").CountAsync()).ShouldBe(0);
        });
    }

    [Fact]
    public async Task A_county_admin_sees_the_schools_of_their_county_and_none_of_another()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "county-admin-schools", async () =>
        {
            await SignInAsync(page, "nm_admin");
            var ours = await ApiAsync(page, "/api/v1/schools?size=200");
            var ourSchools = ours.GetProperty("items").EnumerateArray().ToList();
            ourSchools.ShouldNotBeEmpty("the demo data has schools in 南明区");
            ourSchools.ShouldAllBe(s => s.GetProperty("regionCode").GetString() == "520102");

            var province = await app.NewPageAsync();
            await SignInAsync(province, "gz_admin");
            var others = (await ApiAsync(province, "/api/v1/schools?size=200")).GetProperty("items").EnumerateArray()
                .Where(s => s.GetProperty("regionCode").GetString() != "520102").Select(s => s.GetProperty("code").GetString()!).ToList();
            await province.Context.CloseAsync();
            others.ShouldNotBeEmpty("the demo province has schools outside 南明区");

            await page.GotoAsync("/admin/schools");
            var text = await page.Locator("body").InnerTextAsync();
            text.ShouldContain("南明区");
            text.ShouldContain(ourSchools[0].GetProperty("name").GetString()!);
            foreach (var code in others)
            {
                text.ShouldNotContain(code);
            }
        });
    }

    [Fact]
    public async Task A_teacher_sees_their_own_classes_only()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "teacher-classes", async () =>
        {
            await SignInAsync(page, "teacher");
            var me = await ApiAsync(page, "/api/v1/me");
            var classes = me.GetProperty("places").EnumerateArray().Where(p => p.GetProperty("classId").ValueKind == JsonValueKind.String).ToList();
            classes.Count.ShouldBe(2, "the demo teacher teaches two classes");

            await page.GotoAsync("/org");
            var nodes = await page.Locator("[data-testid=org-node]").AllInnerTextsAsync();
            nodes.Count.ShouldBe(2);
            foreach (var cls in classes)
            {
                var name = cls.GetProperty("nodeName").GetString()!.Split(' ').Last();
                nodes.ShouldContain(n => n.Contains(name), $"class {name} should be listed");
            }
        });
    }

    [Fact]
    public async Task A_parent_sees_their_two_children()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "parent-children", async () =>
        {
            await SignInAsync(page, "parent");
            var children = (await ApiAsync(page, "/api/v1/me")).GetProperty("children").EnumerateArray().ToList();
            children.Count.ShouldBe(2);

            await page.GotoAsync("/");
            var text = await page.Locator("[data-testid=role-home]").InnerTextAsync();
            foreach (var child in children)
            {
                text.ShouldContain(child.GetProperty("displayName").GetString()!);
            }
        });
    }

    [Fact]
    public async Task A_school_admin_creates_a_class_and_sees_it_listed()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "school-admin-new-class", async () =>
        {
            await SignInAsync(page, "school_admin");
            var schoolId = (await ApiAsync(page, "/api/v1/me")).GetProperty("places")[0].GetProperty("schoolId").GetString();
            await page.GotoAsync($"/org?school={schoolId}");
            var gradeLink = page.Locator("[data-testid=org-node] a[href*='grade='], a[data-testid=org-node][href*='grade=']").First;
            var href = await gradeLink.GetAttributeAsync("href");
            var gradeId = GradeId().Match(href!).Groups[1].Value;

            await page.GotoAsync($"/admin/classes/new?gradeId={gradeId}");
            var name = $"浏览器{Random.Shared.Next(100, 999)}班";
            var number = page.Locator("form input[type=number]");
            if (await number.CountAsync() > 0)
            {
                await number.First.FillAsync(Random.Shared.Next(40, 99).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await page.Locator("form input[name*=Name i]").First.FillAsync(name);
            await page.Locator("form button[type=submit]").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            (await page.Locator(".validation-message, .error").CountAsync()).ShouldBe(0);
            await page.GotoAsync($"/org?grade={gradeId}");
            (await page.Locator("[data-testid=org-node]").AllInnerTextsAsync()).ShouldContain(n => n.Contains(name));
        });
    }

    [Fact]
    public async Task Switching_the_language_shows_english()
    {
        var page = await app.NewPageAsync();
        await JourneyAsync(page, "language-english", async () =>
        {
            await SignInAsync(page, "teacher");
            await page.GotoAsync("/");
            await page.Locator("[data-testid=lang-switch]").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var text = await page.Locator("body").InnerTextAsync();
            text.ShouldMatch("(?i)home|sign out|organisation|organization|class");
            (await page.Locator("[data-testid=lang-switch]").First.InnerTextAsync()).ShouldMatch("中文|简体");
        });
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_without_horizontal_scrolling()
    {
        var page = await app.NewPageAsync(390, 844);
        await JourneyAsync(page, "phone-home", async () =>
        {
            await SignInAsync(page, "teacher");
            await page.Locator("[data-testid=role-home]").WaitForAsync();

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0);
        });
    }

    /// <summary>Runs a journey and takes its screenshot whatever the outcome.</summary>
    private static async Task JourneyAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(page, name);
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex("grade=([0-9a-fA-F-]{36})")]
    private static partial Regex GradeId();
}
