using System.Net.Http.Json;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Statistics;

public sealed class StudentStatisticsApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Nanming = "520102", Yunyan = "520103", Zhongshan = "520201";

    private async Task<HttpClient> NationalAsync() => await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));

    /// <summary>Every level's total against a count straight from the student records.</summary>
    private async Task AssertLevelsMatchRecordsAsync(HttpClient client, Guid school, string county)
    {
        var city = RegionCode.CityOf(county);
        var province = RegionCode.ProvinceOf(county);
        (await client.StatsAsync(school.ToString())).Total().ShouldBe(await StatsData.RealCountAsync(factory, q => q.Where(s => s.SchoolId == school)));
        (await client.StatsAsync(county)).Total().ShouldBe(await StatsData.RealCountAsync(factory, q => q.Where(s => s.CountyCode == county)));
        (await client.StatsAsync(city)).Total().ShouldBe(await StatsData.RealCountAsync(factory, q => q.Where(s => s.CityCode == city)));
        (await client.StatsAsync(province)).Total().ShouldBe(await StatsData.RealCountAsync(factory, q => q.Where(s => s.ProvinceCode == province)));
        (await client.StatsAsync("national")).Total().ShouldBe(await StatsData.RealCountAsync(factory, q => q));
    }

    [Fact]
    public async Task Figures_roll_up_from_school_to_nation_and_follow_each_status_change()
    {
        using var client = await NationalAsync();
        // Read once first, so the rollup is built before the records exist and has to follow the change feed.
        var before = (await client.StatsAsync("national")).Total();
        var a1 = await OrgApi.CreateSchoolAsync(client, Nanming, name: "统计一小");
        var a2 = await OrgApi.CreateSchoolAsync(client, Nanming, "Junior", "统计一中");
        var b1 = await OrgApi.CreateSchoolAsync(client, Yunyan, name: "统计二小");
        var c1 = await OrgApi.CreateSchoolAsync(client, Zhongshan, name: "统计三小");
        var ids = await StatsData.AddStudentsAsync(factory, StatsData.School(a1, Nanming), 5, leftBehind: true);
        await StatsData.AddStudentsAsync(factory, StatsData.School(a1, Nanming), 3, grade: 2, sex: Sex.Female, ethnicity: "09", migrant: true);
        await StatsData.AddStudentsAsync(factory, StatsData.School(a1, Nanming), 2, status: EnrolmentStatus.Graduated);
        await StatsData.AddStudentsAsync(factory, StatsData.School(a2, Nanming), 4, Stage.Junior);
        await StatsData.AddStudentsAsync(factory, StatsData.School(b1, Yunyan), 6);
        await StatsData.AddStudentsAsync(factory, StatsData.School(c1, Zhongshan), 2, sex: Sex.Female);

        var school = await client.StatsAsync(a1.ToString(), "sex");
        school.Total().ShouldBe(8);
        school.Row("男").ShouldBe(5);
        school.Row("女").ShouldBe(3);
        school.GetProperty("totals").GetProperty("leftBehind").GetInt32().ShouldBe(5);
        school.GetProperty("totals").GetProperty("migrant").GetInt32().ShouldBe(3);
        (await client.StatsAsync(a1.ToString(), "ethnicity")).Row("布依族").ShouldBe(3);
        (await client.StatsAsync(a1.ToString(), "grade")).Row("二年级").ShouldBe(3);
        var status = await client.StatsAsync(a1.ToString(), "status");
        (status.Row("在读"), status.Row("毕业")).ShouldBe((8, 2));

        var county = await client.StatsAsync(Nanming);
        county.Total().ShouldBe(12);
        (county.Row("小学"), county.Row("初中")).ShouldBe((8, 4));
        (county.Child(a1.ToString()), county.Child(a2.ToString())).ShouldBe((8, 4));
        var city = await client.StatsAsync("520100");
        (city.Child(Nanming), city.Child(Yunyan)).ShouldBe((12, 6));
        var province = await client.StatsAsync("520000");
        (province.Child("520100"), province.Child("520200")).ShouldBe((18, 2));
        (await client.StatsAsync("national")).Total().ShouldBe(before + 20);
        await AssertLevelsMatchRecordsAsync(client, a1, Nanming);

        // 休学: still on the roll, moves from 在读 to 休学.
        await StatsData.ChangeAsync(factory, ids[0], s => s.Status = EnrolmentStatus.Suspended);
        status = await client.StatsAsync(a1.ToString(), "status");
        (status.Total(), status.Row("在读"), status.Row("休学")).ShouldBe((8, 7, 1));
        await AssertLevelsMatchRecordsAsync(client, a1, Nanming);

        // 留级/升级: the grade breakdown moves, the totals do not.
        await StatsData.ChangeAsync(factory, ids[1], s => s.GradeLevel = 2);
        (await client.StatsAsync(Nanming, "grade")).Row("二年级").ShouldBe(4);

        // 转学 across counties: the county totals move, the city's stays.
        await StatsData.ChangeAsync(factory, ids[2], s => s.PlaceAt(StatsData.School(b1, Yunyan)));
        city = await client.StatsAsync("520100");
        (city.Child(Nanming), city.Child(Yunyan), city.Total()).ShouldBe((11, 7, 18));
        await AssertLevelsMatchRecordsAsync(client, b1, Yunyan);

        // 退学: off the roll everywhere up to the nation.
        await StatsData.ChangeAsync(factory, ids[3], s => s.Status = EnrolmentStatus.Withdrawn);
        (await client.StatsAsync(a1.ToString(), "status")).Row("退学").ShouldBe(1);
        (await client.StatsAsync("national")).Total().ShouldBe(before + 19);
        await AssertLevelsMatchRecordsAsync(client, a1, Nanming);
    }

    [Fact]
    public async Task An_unknown_breakdown_is_refused_with_the_field_named()
    {
        using var client = await NationalAsync();

        var response = await client.GetAsync("/api/v1/stats/students?node=national&by=shoeSize");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Errors("by")[0].ShouldContain("stage");
    }
}
