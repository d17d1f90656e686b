using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Teachers;

public sealed class TeacherTransferTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_transfer_across_two_counties_needs_both_schools_and_both_bureaus_and_moves_the_record_with_its_history()
    {
        var nmUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        var yyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var nm = await factory.ClientForAsync(nmUser);
        using var yy = await factory.ClientForAsync(yyUser);
        var (fromSchool, fromClass) = await TeacherApi.SchoolWithClassAsync(factory, nm, "520102", "南明调出小学");
        var (toSchool, _) = await TeacherApi.SchoolWithClassAsync(factory, yy, "520103", "云岩调入小学");
        using var fromAdmin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: fromSchool));
        var toAdminUser = await factory.CreateUserAsync("SchoolAdmin", schoolId: toSchool);
        using var toAdmin = await factory.ClientForAsync(toAdminUser);
        var teacher = await TeacherApi.CreateTeacherAsync(fromAdmin, TeacherApi.Body(fromSchool, fromClass));
        var teacherId = teacher.GetProperty("id").GetGuid();

        // The receiving school cannot see the teacher; it names them by number and name.
        (await toAdmin.GetAsync($"/api/v1/teachers/{teacherId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var wrongName = await toAdmin.PostAsJsonAsync("/api/v1/teachers/transfers", new
        {
            teacherNumber = teacher.GetProperty("teacherNumber").GetString(), teacherName = "别人", toSchoolId = toSchool, effectiveOn = "2026-09-01",
        });
        wrongName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var started = await (await toAdmin.PostAsJsonAsync("/api/v1/teachers/transfers", new
        {
            teacherNumber = teacher.GetProperty("teacherNumber").GetString(), teacherName = "王老师", toSchoolId = toSchool, reason = "夫妻团聚", effectiveOn = "2026-09-01",
        })).JsonAsync();
        var transferId = started.GetProperty("id").GetGuid();
        started.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("party").GetString())
            .ShouldBe(["ReceivingSchool", "SendingSchool", "SendingCounty", "ReceivingCounty"]);
        started.GetProperty("steps")[0].GetProperty("decision").GetString().ShouldBe("Approved");

        // Out of turn or out of scope: refused and audited. The receiving county may not act before the sending school.
        var outsider = await factory.CreateUserAsync("CountyAdmin", regionCode: "520111");
        using var outsiderClient = await factory.ClientForAsync(outsider);
        (await outsiderClient.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await yy.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        var audit = await national.GetFromJsonAsync<JsonElement>($"/api/v1/audit?size=50&actorId={outsider.Id}");
        audit.GetProperty("items").EnumerateArray().ShouldContain(l => l.GetProperty("entityType").GetString() == "TransferStep");

        // The sending school sees it waiting for it, approves; then both bureaus.
        var pending = await fromAdmin.GetFromJsonAsync<JsonElement>("/api/v1/teachers/transfers?pending=true");
        pending.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == transferId).GetProperty("canDecide").GetBoolean().ShouldBeTrue();
        (await fromAdmin.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { note = "同意" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await nm.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fromAdmin.GetAsync($"/api/v1/teachers/{teacherId}")).StatusCode.ShouldBe(HttpStatusCode.OK); // not moved yet
        var done = await (await yy.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { })).JsonAsync();
        done.GetProperty("status").GetString().ShouldBe("Completed");

        // Now at the receiving school only, its assignments at the old school ended, the history kept.
        (await fromAdmin.GetAsync($"/api/v1/teachers/{teacherId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var moved = await toAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{teacherId}");
        moved.GetProperty("schoolId").GetGuid().ShouldBe(toSchool);
        moved.GetProperty("countyCode").GetString().ShouldBe("520103");
        moved.GetProperty("teacherNumber").GetString().ShouldBe(teacher.GetProperty("teacherNumber").GetString());
        moved.GetProperty("assignments").EnumerateArray().ShouldAllBe(a => a.GetProperty("endedOn").GetString() == "2026-09-01");
        var history = await toAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{teacherId}/history");
        history.EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ShouldBe(["Registered", "Transferred"]);
        history[1].GetProperty("fromSchoolName").GetString().ShouldBe("南明调出小学");

        (await yy.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_rejected_transfer_leaves_the_teacher_where_they_were()
    {
        using var nm = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var (fromSchool, fromClass) = await TeacherApi.SchoolWithClassAsync(factory, nm, "520102");
        var (toSchool, _) = await TeacherApi.SchoolWithClassAsync(factory, nm, "520102", "同区另一校");
        using var fromAdmin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: fromSchool));
        using var toAdmin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: toSchool));
        var teacher = await TeacherApi.CreateTeacherAsync(fromAdmin, TeacherApi.Body(fromSchool, fromClass));

        var started = await (await fromAdmin.PostAsJsonAsync("/api/v1/teachers/transfers", new
        {
            teacherNumber = teacher.GetProperty("teacherNumber").GetString(), teacherName = "王老师", toSchoolId = toSchool, effectiveOn = "2026-09-01",
        })).JsonAsync();
        started.GetProperty("steps").GetArrayLength().ShouldBe(2); // same county: the two schools only
        var id = started.GetProperty("id").GetGuid();
        (await toAdmin.PostAsJsonAsync($"/api/v1/teachers/transfers/{id}/reject", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await (await toAdmin.PostAsJsonAsync($"/api/v1/teachers/transfers/{id}/reject", new { note = "编制已满" })).JsonAsync();

        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        var still = await fromAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/teachers/{teacher.GetProperty("id").GetGuid()}");
        still.GetProperty("schoolId").GetGuid().ShouldBe(fromSchool);
    }
}
