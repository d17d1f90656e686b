using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Teachers;

public sealed class TeacherRegistryTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task School_admin_registers_lists_and_updates_a_teacher_and_a_stale_version_is_a_conflict()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId));
        var citizenId = TestIds.NextCitizenId("520102", "19850301");

        var created = await TeacherApi.CreateTeacherAsync(admin, TeacherApi.Body(schoolId, classId, citizenId));

        var number = created.GetProperty("teacherNumber").GetString()!;
        number.Length.ShouldBe(16);
        number.ShouldStartWith("520102" + DateTime.UtcNow.Year);
        created.GetProperty("citizenIdMasked").GetString().ShouldBe(citizenId[..4] + "************" + citizenId[16..]);
        created.GetProperty("birthDate").GetString().ShouldBe(new DateOnly(1985, 3, int.Parse(citizenId[12..14])).ToString("yyyy-MM-dd"));
        created.GetProperty("subjects")[0].GetProperty("name").GetString().ShouldBe("数学");
        created.GetProperty("assignments")[0].GetProperty("headTeacher").GetBoolean().ShouldBeTrue();
        var id = created.GetProperty("id").GetGuid();

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/teachers?schoolId={schoolId}");
        var row = list.GetProperty("items").EnumerateArray().Single();
        row.GetProperty("teacherNumber").GetString().ShouldBe(number);
        row.GetProperty("citizenIdMasked").GetString()!.ShouldContain("****");
        list.ToString().ShouldNotContain(citizenId);

        var update = new
        {
            version = created.GetProperty("version").GetInt32(), status = "在岗", name = "王老师", citizenId, ethnicity = "01", education = "14", title = "高级",
            subjects = new[] { "数学" }, assignments = Array.Empty<object>(),
        };
        var updated = await (await admin.PutAsJsonAsync($"/api/v1/teachers/{id}", update)).JsonAsync();
        updated.GetProperty("title").GetProperty("name").GetString().ShouldBe("高级教师");
        updated.GetProperty("version").GetInt32().ShouldBe(created.GetProperty("version").GetInt32() + 1);
        updated.GetProperty("assignments")[0].GetProperty("endedOn").ValueKind.ShouldNotBe(JsonValueKind.Null);

        var stale = await admin.PutAsJsonAsync($"/api/v1/teachers/{id}", update);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.JsonAsync()).GetProperty("errors").GetProperty("version").GetArrayLength().ShouldBe(1);

        // The same person cannot be registered twice, even at another school.
        var again = await admin.PostAsJsonAsync("/api/v1/teachers", TeacherApi.Body(schoolId, null, citizenId));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_each_field_named()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (schoolId, _) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var (_, otherClassId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102", "另一所小学");
        var good = TestIds.NextCitizenId("520102", "19800101");
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');

        var response = await county.PostAsJsonAsync("/api/v1/teachers", new
        {
            schoolId, name = "", citizenId = badCheck, ethnicity = "火星族", education = "21", title = "特级",
            subjects = new[] { "数学", "炼金术" },
            qualifications = new[] { new { kind = "大学", subject = "数学", certificateNumber = "123", issuedOn = "2010-07-01" } },
            assignments = new[] { new { classId = otherClassId, subject = "数学", headTeacher = false } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.Errors("citizenId").ShouldContain("公民身份号码校验码不正确");
        problem.Errors("subjects[1]").ShouldContain("未知学科：炼金术");
        problem.Errors("assignments[0].classId").ShouldContain("班级不属于该教师所在学校");
        problem.Errors("name").ShouldNotBeEmpty();
        problem.Errors("ethnicity").ShouldNotBeEmpty();
        problem.Errors("title").ShouldNotBeEmpty();
        problem.Errors("qualifications[0].kind").ShouldNotBeEmpty();
        problem.Errors("qualifications[0].certificateNumber").ShouldNotBeEmpty();

        var badNumber = await county.PostAsJsonAsync("/api/v1/teachers", new
        {
            schoolId, teacherNumber = "5201022026000019", name = "李老师", citizenId = good, ethnicity = "01", education = "21", subjects = new[] { "语文" },
        });
        badNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badNumber.JsonAsync()).Errors("teacherNumber").ShouldContain("教师编号校验位不正确");
    }

    [Fact]
    public async Task An_administrator_of_another_county_neither_sees_nor_changes_nor_creates_teachers_here()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var created = await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId));
        var id = created.GetProperty("id").GetGuid();
        using var other = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520103"));

        (await other.GetAsync($"/api/v1/teachers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>($"/api/v1/teachers?schoolId={schoolId}")).GetProperty("total").GetInt32().ShouldBe(0);
        var put = await other.PutAsJsonAsync($"/api/v1/teachers/{id}", new { version = 0, name = "改名", subjects = new[] { "数学" } });
        put.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var post = await other.PostAsJsonAsync("/api/v1/teachers", TeacherApi.Body(schoolId, null));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var teacherClient = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", classId: classId));
        (await teacherClient.PostAsJsonAsync("/api/v1/teachers", TeacherApi.Body(schoolId, null))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_teacher_sees_their_own_record_through_the_linked_account_and_not_colleagues()
    {
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102");
        var user = await factory.CreateUserAsync("Teacher", classId: classId);
        var mine = await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId, accountId: user.Id));
        var colleague = await TeacherApi.CreateTeacherAsync(county, TeacherApi.Body(schoolId, classId));
        using var client = await factory.ClientForAsync(user);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/teachers/me");
        me.GetProperty("id").GetGuid().ShouldBe(mine.GetProperty("id").GetGuid());
        (await client.GetAsync($"/api/v1/teachers/{colleague.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync($"/api/v1/teachers/{mine.GetProperty("id").GetGuid()}", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
