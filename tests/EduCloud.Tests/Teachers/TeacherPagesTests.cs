using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Teachers;

public sealed class TeacherPagesTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_teacher_pages_show_masked_ids_and_training_and_registration_errors_name_the_field()
    {
        var countyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var county = await factory.ClientForAsync(countyUser);
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var citizenId = TestIds.NextCitizenId("520102", "19850301");
        var created = await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId, citizenId));
        using var browser = new BrowserSession(factory);
        await browser.SignInAsync(countyUser);

        var list = await browser.Http.GetStringAsync($"/teachers?schoolId={schoolId}");
        list.ShouldContain("data-testid=\"teacher-row\"");
        list.ShouldContain(created.GetProperty("teacherNumber").GetString()!);
        list.ShouldNotContain(citizenId);

        var detail = await browser.Http.GetStringAsync($"/teachers/{created.GetProperty("id").GetGuid()}");
        detail.ShouldContain("data-testid=\"training-summary\"");
        detail.ShouldContain("data-testid=\"assignment-row\"");
        detail.ShouldContain("data-testid=\"history-row\"");

        var response = await browser.SubmitAsync("/teachers/new", "teacher", new Dictionary<string, string>
        {
            ["Model.SchoolId"] = schoolId.ToString(), ["Model.Name"] = "张老师", ["Model.CitizenId"] = "520102198503010000",
            ["Model.Ethnicity"] = "汉族", ["Model.Education"] = "21", ["Model.Title"] = "9", ["Model.Subjects"] = "数学,炼金术",
        });
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-field=\"citizenId\"");
        html.ShouldContain("未知学科：炼金术");

        (await browser.Http.GetAsync("/teachers/transfers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
