using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

public sealed class AcademicYearsApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Province_admin_opens_a_year_with_the_usual_dates_and_two_terms_and_a_duplicate_is_a_conflict()
    {
        var admin = await factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        using var client = await factory.ClientForAsync(admin);

        var year = await client.CreatedAsync("/api/v1/academic-years", new { startYear = 2031 });

        year.GetProperty("name").GetString().ShouldBe("2031-2032学年");
        year.GetProperty("startsOn").GetString().ShouldBe("2031-09-01");
        year.GetProperty("endsOn").GetString().ShouldBe("2032-08-31");
        year.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBe(["第一学期", "第二学期"]);
        var again = await client.PostAsJsonAsync("/api/v1/academic-years", new { startYear = 2031 });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task County_admins_and_teachers_may_read_but_not_open_years()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);

        (await client.PostAsJsonAsync("/api/v1/academic-years", new { startYear = 2032 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/academic-years")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_term_outside_its_year_or_dates_out_of_order_are_refused_with_the_field_named()
    {
        var admin = await factory.CreateUserAsync("NationalAdmin");
        using var client = await factory.ClientForAsync(admin);

        var response = await client.PostAsJsonAsync("/api/v1/academic-years", new
        {
            startYear = 2033,
            terms = new object[]
            {
                new { number = 1, startsOn = "2033-08-01", endsOn = "2034-01-31" },
                new { number = 2, startsOn = "2034-03-01", endsOn = "2034-02-01" },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.Errors("terms[0]").ShouldContain("第一学期必须在学年起止日期之内");
        problem.Errors("terms[1].endsOn").ShouldContain("第二学期结束日期必须晚于开始日期");
    }

    [Fact]
    public async Task Term_dates_can_be_moved_within_the_year()
    {
        var admin = await factory.CreateUserAsync("NationalAdmin");
        using var client = await factory.ClientForAsync(admin);
        var year = await client.CreatedAsync("/api/v1/academic-years", new { startYear = 2034 });
        var id = year.GetProperty("id").GetGuid();

        var response = await client.PutAsJsonAsync($"/api/v1/academic-years/{id}", new
        {
            terms = new object[]
            {
                new { number = 1, startsOn = "2034-09-01", endsOn = "2035-01-20" },
                new { number = 2, startsOn = "2035-02-20", endsOn = "2035-07-10" },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        updated.GetProperty("terms")[1].GetProperty("startsOn").GetString().ShouldBe("2035-02-20");
        updated.GetProperty("terms")[1].GetProperty("name").GetString().ShouldBe("第二学期");
    }
}
