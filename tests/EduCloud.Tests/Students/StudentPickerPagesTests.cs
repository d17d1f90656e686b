using System.Net;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Students;

/// <summary>The student pages choose schools and classes from pickers limited to the caller's scope, not from typed ids.</summary>
public sealed class StudentPickerPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private readonly TransferWorld _world = new(factory);

    [Fact]
    public async Task A_county_admin_picks_a_school_of_their_county_then_one_of_its_classes_to_admit()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        var other = await StudentsWorld.CreateAsync(factory, "520103");
        var name = "拾取小学" + Random.Shared.Next(100_000, 999_999);
        var named = await OrgApi.CreateSchoolAsync(w.County, "520102", name: name);
        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(county);

        var start = await browser.Http.PageAsync("/students/new");
        start.ShouldContain($"value=\"{w.SchoolId}\"");
        start.ShouldContain($"value=\"{named}\"");
        start.ShouldNotContain(other.SchoolId.ToString());
        start.ShouldContain("data-testid=\"pick-school\"");
        start.ShouldNotContain("data-testid=\"class-select\"");

        var found = await browser.Http.PageAsync("/students/new?schoolQ=" + Uri.EscapeDataString(name));
        found.ShouldContain($"value=\"{named}\"");
        found.ShouldNotContain($"value=\"{w.SchoolId}\"");

        // Another county's school is not offered, and asking for it by id lists none of its classes.
        var outside = await browser.Http.PageAsync($"/students/new?schoolId={other.SchoolId}");
        outside.ShouldNotContain(other.Classes[(1, 1)].ToString());
        outside.ShouldContain("data-testid=\"pick-school\"");

        var picked = await browser.Http.PageAsync($"/students/new?schoolId={w.SchoolId}");
        picked.ShouldContain("data-testid=\"class-select\"");
        picked.ShouldContain($"value=\"{w.Classes[(1, 1)]}\"");
        picked.ShouldContain($"value=\"{w.Classes[(6, 1)]}\"");

        var admitted = await browser.SubmitAsync($"/students/new?schoolId={w.SchoolId}", "admit", Admission(w.Classes[(1, 1)]));
        admitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await admitted.HtmlAsync());
        var id = Guid.Parse(admitted.Headers.Location!.OriginalString.Split('/').Last());
        (await w.GetAsync(id, w.County)).GetProperty("classId").GetGuid().ShouldBe(w.Classes[(1, 1)]);

        // A tampered form naming another county's class is refused on the page, and nothing is written.
        var tampered = await browser.SubmitAsync($"/students/new?schoolId={w.SchoolId}", "admit", Admission(other.Classes[(1, 1)], "越界生"));
        tampered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tampered.HtmlAsync()).ShouldContain("validation-message");
        (await browser.Http.PageAsync($"/students?schoolId={other.SchoolId}")).ShouldNotContain("越界生");
    }

    [Fact]
    public async Task The_student_page_moves_a_student_to_a_class_chosen_from_the_school_s_classes()
    {
        var w = await StudentsWorld.CreateAsync(factory, "520102", (1, 1), (1, 2));
        var (id, _) = await w.AdmitAsync(w.Classes[(1, 1)], "调班生");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(w.SchoolAdmin);
        var url = $"/students/{id}";

        var page = await browser.Http.PageAsync(url);
        page.ShouldContain("data-testid=\"class-select\"");
        page.ShouldContain($"value=\"{w.Classes[(1, 2)]}\"");
        page.ShouldNotContain("调入班级编号");

        var version = (await w.GetAsync(id)).GetProperty("version").GetInt32().ToString();
        var moved = await browser.SubmitAsync(url, "change", new Dictionary<string, string>
        {
            ["kind"] = "ClassChange", ["reasonCode"] = (await ClassChangeReasonAsync(browser, url)), ["effectiveOn"] = "2026-10-10",
            ["classId"] = w.Classes[(1, 2)].ToString(), ["version"] = version,
        });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await moved.HtmlAsync());
        (await w.GetAsync(id)).GetProperty("classId").GetGuid().ShouldBe(w.Classes[(1, 2)]);
    }

    [Fact]
    public async Task A_county_admin_starts_a_transfer_into_a_class_picked_at_a_school_of_their_county()
    {
        var from = await _world.SchoolAsync("520102");
        var to = await _world.SchoolAsync("520102");
        var student = await _world.StudentAsync(from, name: "郑拾");
        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(county);

        (await browser.Http.PageAsync("/students/transfers")).ShouldContain($"value=\"{to.SchoolId}\"");
        var url = $"/students/transfers?schoolId={to.SchoolId}";
        (await browser.Http.PageAsync(url)).ShouldContain($"value=\"{to.ClassId}\"");
        var started = await browser.SubmitAsync(url, "start-transfer", new Dictionary<string, string>
        {
            ["Model.StudentNumber"] = student.Number, ["Model.Name"] = "郑拾", ["Model.ToClassId"] = to.ClassId.ToString(),
            ["Model.ReasonCode"] = "31", ["Model.EffectiveOn"] = "2026-12-01",
        });
        var html = await started.HtmlAsync();
        started.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("data-testid=\"transfer-message\"");
        html.ShouldContain("郑拾");
    }

    [Fact]
    public async Task The_promotion_page_offers_the_school_admin_s_own_school_and_a_grade_picker()
    {
        var w = await StudentsWorld.CreateAsync(factory);
        using var school = new BrowserSession(factory);
        await school.SignInAsync(w.SchoolAdmin);

        var page = await school.Http.PageAsync("/students/promotion");
        page.ShouldContain("data-testid=\"grade-picker\"");
        page.ShouldContain($"name=\"schoolId\" value=\"{w.SchoolId}\"");
        page.ShouldNotContain("data-testid=\"school-picker\"");

        // Two schools in the county, so the picker does not preselect the only one.
        await OrgApi.CreateSchoolAsync(w.County, "520102");
        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var bureau = new BrowserSession(factory);
        await bureau.SignInAsync(county);
        var picker = await bureau.Http.PageAsync("/students/promotion");
        picker.ShouldContain("data-testid=\"school-picker\"");
        picker.ShouldContain($"value=\"{w.SchoolId}\"");
    }

    private static Dictionary<string, string> Admission(Guid classId, string name = "拾取生") => new()
    {
        ["name"] = name, ["citizenId"] = TestIds.NextCitizenId(birth: "20180901"), ["ethnicity"] = "01", ["classId"] = classId.ToString(),
        ["consentGuardianName"] = "家长", ["effectiveOn"] = "2026-09-01",
    };

    /// <summary>The first reason the page offers for a class change (the page's own list, not a guessed code).</summary>
    private static async Task<string> ClassChangeReasonAsync(BrowserSession browser, string url)
    {
        var html = await browser.Http.PageAsync(url);
        var group = html[html.IndexOf("<optgroup label=\"调班\"", StringComparison.Ordinal)..];
        return System.Text.RegularExpressions.Regex.Match(group, "<option value=\"([^\"]+)\"").Groups[1].Value;
    }
}
