using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Contracts;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Records;

/// <summary>
/// Statements are learners' personal data: a student reads only their own, a parent their child's, a teacher
/// those of their classes' students, an administrator those within their region; a student cannot write about
/// another learner. In-process writers use ILearningRecords.
/// </summary>
public sealed class LearnerScopeTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<(Guid SchoolId, Guid ClassA, Guid ClassB)> SchoolAsync()
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await factory.ClientForAsync(admin);
        var schoolId = await OrgApi.CreateSchoolAsync(client, name: "记录测试小学");
        var grade = await client.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 4 });
        var gradeId = grade.GetProperty("id").GetGuid();
        var a = (await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        var b = (await client.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 })).GetProperty("id").GetGuid();
        return (schoolId, a, b);
    }

    [Fact]
    public async Task Each_role_reads_the_statements_its_scope_covers()
    {
        var (schoolId, classA, classB) = await SchoolAsync();
        var studentA = await factory.CreateUserAsync("Student", schoolId: schoolId, classId: classA);
        var studentB = await factory.CreateUserAsync("Student", schoolId: schoolId, classId: classB);
        var teacherA = await factory.CreateUserAsync("Teacher", schoolId: schoolId, classId: classA);
        var parentA = await factory.CreateUserAsync("Parent", childIds: [studentA.Id]);
        var otherCounty = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");

        // An outside tool, issued by the county administrator, records both students' work.
        using var tool = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var aId = await tool.StoreAsync(Xapi.StatementAbout(studentA.Id));
        var bId = await tool.StoreAsync(Xapi.StatementAbout(studentB.Id));

        async Task<bool> Sees(TestUser user, Guid id)
        {
            using var c = await Xapi.BearerClientAsync(factory, user);
            var r = await c.GetAsync($"/xapi/statements?statementId={id}");
            return r.StatusCode == HttpStatusCode.OK;
        }
        (await Sees(studentA, aId)).ShouldBeTrue();
        (await Sees(studentA, bId)).ShouldBeFalse();
        (await Sees(parentA, aId)).ShouldBeTrue();
        (await Sees(parentA, bId)).ShouldBeFalse();
        (await Sees(teacherA, aId)).ShouldBeTrue();
        (await Sees(teacherA, bId)).ShouldBeFalse();
        (await Sees(otherCounty, aId)).ShouldBeFalse();

        // The query lists only what the caller may see.
        using var student = await Xapi.BearerClientAsync(factory, studentA);
        var listed = await student.QueryAsync("limit=100");
        listed.Select(s => (string?)s["id"]).ShouldContain(aId.ToString());
        listed.Select(s => (string?)s["id"]).ShouldNotContain(bId.ToString());
        // The class scope walks the class index, which leaves out statements without a class (ADR 0043).
        using var teacher = await Xapi.BearerClientAsync(factory, teacherA);
        var classListed = (await teacher.QueryAsync("limit=100")).Select(s => (string?)s["id"]).ToList();
        classListed.ShouldContain(aId.ToString());
        classListed.ShouldNotContain(bId.ToString());

        // A student may record their own statements, not another learner's.
        await student.StoreAsync(Xapi.StatementAbout(studentA.Id));
        await student.PostAsync(Xapi.StatementAbout(studentB.Id)).ShouldBeAsync(HttpStatusCode.Forbidden);
        // An account name that is the user name maps too.
        var byName = Xapi.Statement();
        byName["actor"] = new JsonObject { ["account"] = new JsonObject { ["homePage"] = Xapi.Home, ["name"] = studentB.UserName } };
        await student.PostAsync(byName).ShouldBeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_person_object_lists_both_account_names_to_those_who_may_read_about_the_learner()
    {
        var (schoolId, classA, classB) = await SchoolAsync();
        var studentA = await factory.CreateUserAsync("Student", schoolId: schoolId, classId: classA);
        var studentB = await factory.CreateUserAsync("Student", schoolId: schoolId, classId: classB);
        var teacherA = await factory.CreateUserAsync("Teacher", schoolId: schoolId, classId: classA);
        JsonObject ByName(TestUser u) => new() { ["account"] = new JsonObject { ["homePage"] = Xapi.Home, ["name"] = u.UserName } };
        using var teacher = await Xapi.BearerClientAsync(factory, teacherA);

        var person = await teacher.GetJsonAsync($"/xapi/agents?agent={Xapi.Q(ByName(studentA))}");
        ((string?)person["objectType"]).ShouldBe("Person");
        person["account"]!.AsArray().Select(a => (string?)a!["name"]).ShouldBe([studentA.Id.ToString(), studentA.UserName], ignoreOrder: true);
        person["account"]!.AsArray().ShouldAllBe(a => (string?)a!["homePage"] == Xapi.Home);

        // Another class's student: the teacher learns nothing beyond what they gave.
        var other = await teacher.GetJsonAsync($"/xapi/agents?agent={Xapi.Q(ByName(studentB))}");
        other["account"]!.AsArray().Select(a => (string?)a!["name"]).ShouldBe([studentB.UserName]);
    }

    [Fact]
    public async Task Other_modules_record_learning_acts_in_process_and_the_learner_sees_them()
    {
        var (schoolId, classA, _) = await SchoolAsync();
        var student = await factory.CreateUserAsync("Student", schoolId: schoolId, classId: classA);
        var registration = Guid.NewGuid();
        var id = await factory.AsPlatformAsync(sp => sp.GetRequiredService<ILearningRecords>().RecordAsync(new LearningAct(student.Id, Verbs.Completed, "完成",
            "https://www.educloud.cn/activities/quiz/1", "第一单元自测", new LearningResult(Scaled: 0.8, Raw: 8, Min: 0, Max: 10, Success: true, Completion: true,
            Duration: TimeSpan.FromSeconds(95)), registration), CancellationToken.None));

        using var client = await Xapi.BearerClientAsync(factory, student);
        var s = await client.GetJsonAsync($"/xapi/statements?statementId={id}");
        ((string?)s["verb"]!["id"]).ShouldBe(Verbs.Completed);
        ((double)s["result"]!["score"]!["scaled"]!).ShouldBe(0.8);
        ((string?)s["result"]!["duration"]).ShouldBe("PT1M35S");
        ((string?)s["authority"]!["name"]).ShouldBe("EduCloud");
        (await client.QueryAsync($"registration={registration}")).Count.ShouldBe(1);

        // An invalid act is refused with the field named, and nothing is stored.
        var refused = await Should.ThrowAsync<LearningRecordRejectedException>(() => factory.AsPlatformAsync(sp => sp.GetRequiredService<ILearningRecords>()
            .RecordAsync(new LearningAct(student.Id, "completed", "完成", "https://www.educloud.cn/activities/quiz/1"), CancellationToken.None)));
        refused.Message.ShouldContain("statement.verb.id");
    }
}
