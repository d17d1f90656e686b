using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

public sealed class GradesAndClassesApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task School_admin_opens_grades_and_classes_and_duplicates_are_conflicts()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var county = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var countyClient = await factory.ClientForAsync(county);
        var schoolId = await OrgApi.CreateSchoolAsync(countyClient);
        var schoolAdmin = await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId);
        using var client = await factory.ClientForAsync(schoolAdmin);

        var grade = await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 3 });
        grade.GetProperty("name").GetString().ShouldBe("三年级");
        grade.GetProperty("entryYear").GetInt32().ShouldBe(2024);
        var gradeId = grade.GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 3 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var cls = await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 });
        cls.GetProperty("name").GetString().ShouldBe("1班");
        cls.GetProperty("schoolId").GetGuid().ShouldBe(schoolId);
        (await client.PostAsJsonAsync("/api/v1/classes", new { gradeId, number = 1, name = "重复班" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 });

        var grades = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/grades?academicYearId={yearId}");
        grades.GetProperty("academicYearName").GetString().ShouldBe("2026-2027学年");
        grades.GetProperty("grades")[0].GetProperty("classCount").GetInt32().ShouldBe(2);
        var classes = await client.GetFromJsonAsync<JsonElement>($"/api/v1/grades/{gradeId}/classes");
        classes.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["1班", "2班"]);
    }

    [Fact]
    public async Task A_grade_must_use_a_stage_the_school_runs()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Junior", level = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Errors("stage").ShouldContain("该校未开设此学段");
    }

    [Fact]
    public async Task A_class_may_sit_at_a_teaching_point_of_its_own_school_only()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client);
        var otherSchoolId = await OrgApi.CreateSchoolAsync(client, name: "另一所小学");
        var ownPoint = (await client.CreatedAsync("/api/v1/teaching-points", new { centralSchoolId = schoolId, name = "本校教学点", regionCode = "520102" })).GetProperty("id").GetGuid();
        var otherPoint = (await client.CreatedAsync("/api/v1/teaching-points", new { centralSchoolId = otherSchoolId, name = "他校教学点", regionCode = "520102" })).GetProperty("id").GetGuid();
        var gradeId = (await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 1 })).GetProperty("id").GetGuid();

        var refused = await client.PostAsJsonAsync("/api/v1/classes", new { gradeId, number = 1, teachingPointId = otherPoint });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).Errors("teachingPointId").ShouldContain("教学点必须属于本校");

        var ok = await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1, teachingPointId = ownPoint });
        ok.GetProperty("teachingPointId").GetGuid().ShouldBe(ownPoint);
    }

    [Fact]
    public async Task A_teacher_sees_only_their_own_class_of_a_grade_and_cannot_change_it()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client);
        var gradeId = (await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 2 })).GetProperty("id").GetGuid();
        var mine = (await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 });
        var teacher = await factory.CreateUserAsync("Teacher", classId: mine);
        using var teacherClient = await factory.ClientForAsync(teacher);

        var classes = await teacherClient.GetFromJsonAsync<JsonElement>($"/api/v1/grades/{gradeId}/classes");
        classes.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([mine]);
        (await teacherClient.PutAsJsonAsync($"/api/v1/classes/{mine}", new { number = 9 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Grades_are_renamed_and_retired_and_classes_renumbered_and_retired()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client, stages: "Junior");
        var gradeId = (await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Junior", level = 1 })).GetProperty("id").GetGuid();
        var first = (await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 });

        var renamed = await client.PutAsJsonAsync($"/api/v1/grades/{gradeId}", new { name = "七年级" });
        (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("七年级");
        (await client.PutAsJsonAsync($"/api/v1/classes/{first}", new { number = 2 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var moved = await client.PutAsJsonAsync($"/api/v1/classes/{first}", new { number = 5, name = "实验班" });
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().ShouldBe("实验班");

        (await client.PostAsync($"/api/v1/classes/{first}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/grades/{gradeId}/classes")).GetArrayLength().ShouldBe(1);
        (await client.PostAsync($"/api/v1/grades/{gradeId}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var grades = await client.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{schoolId}/grades?academicYearId={yearId}");
        grades.GetProperty("grades").GetArrayLength().ShouldBe(0);
        (await client.PostAsJsonAsync("/api/v1/classes", new { gradeId, number = 3 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
