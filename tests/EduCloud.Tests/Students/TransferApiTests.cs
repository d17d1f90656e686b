using System.Net;
using System.Net.Http.Json;
using EduCloud.Students.Contracts;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

public sealed class TransferApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private readonly TransferWorld _world = new(factory);

    [Fact]
    public async Task Transfer_across_two_counties_and_cities_needs_every_approval_and_moves_the_student_with_history()
    {
        // 南明区 (贵阳市) → 红花岗区 (遵义市): sending school, 南明 bureau, 贵阳 bureau, 遵义 bureau, 红花岗 bureau.
        var from = await _world.SchoolAsync("520102");
        var to = await _world.SchoolAsync("520302", level: 4);
        var student = await _world.StudentAsync(from, name: "李四");
        var (_, receiving) = await _world.UserAsync("SchoolAdmin", schoolId: to.SchoolId);
        var (sendingUser, sending) = await _world.UserAsync("SchoolAdmin", schoolId: from.SchoolId);
        var (_, fromCounty) = await _world.UserAsync("CountyAdmin", "520102");
        var (_, fromCity) = await _world.UserAsync("CityAdmin", "520100");
        var (_, toCity) = await _world.UserAsync("CityAdmin", "520300");
        var (_, toCounty) = await _world.UserAsync("CountyAdmin", "520302");
        var (otherCountyUser, otherCounty) = await _world.UserAsync("CountyAdmin", "520103");
        var (provinceUser, province) = await _world.UserAsync("ProvinceAdmin", "520000");

        // The receiving school cannot see the student, but may find them by number AND name (masked answer).
        (await receiving.GetAsync($"/api/v1/students/{student.Id}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var found = await TransferWorld.JsonAsync(await receiving.GetAsync($"/api/v1/student-transfers/lookup?studentNumber={student.Number}&name=李四"), HttpStatusCode.OK);
        found.GetProperty("maskedName").GetString().ShouldBe("李*");
        (await receiving.GetAsync($"/api/v1/student-transfers/lookup?studentNumber={student.Number}&name=王五")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var started = await TransferWorld.JsonAsync(await receiving.PostAsJsonAsync("/api/v1/student-transfers", new
        {
            studentNumber = student.Number, name = "李四", toClassId = to.ClassId, reasonCode = "31", effectiveOn = "2026-11-30",
        }), HttpStatusCode.Created);
        var id = started.GetProperty("id").GetGuid();
        started.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("role").GetString() + "@" + s.GetProperty("nodeCode").GetString())
            .ShouldBe(["SchoolAdmin@520102", "CountyAdmin@520102", "CityAdmin@520100", "CityAdmin@520300", "CountyAdmin@520302"]);

        // A second open transfer for the same student is a conflict.
        (await receiving.PostAsJsonAsync("/api/v1/student-transfers", new
        {
            studentNumber = student.Number, name = "李四", toClassId = to.ClassId, reasonCode = "31", effectiveOn = "2026-11-30",
        })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Out of turn or out of scope: refused, audited, nothing changes.
        var deniedBefore = await _world.DeniedLinesAsync(otherCountyUser.Id);
        (await otherCounty.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _world.DeniedLinesAsync(otherCountyUser.Id)).ShouldBeGreaterThan(deniedBefore);
        var provinceDenied = await _world.DeniedLinesAsync(provinceUser.Id);
        (await province.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _world.DeniedLinesAsync(provinceUser.Id)).ShouldBeGreaterThan(provinceDenied);
        (await fromCounty.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await receiving.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var unchanged = await TransferWorld.JsonAsync(await receiving.GetAsync($"/api/v1/student-transfers/{id}"), HttpStatusCode.OK);
        unchanged.GetProperty("currentStep").GetInt32().ShouldBe(1);
        unchanged.GetProperty("version").GetInt32().ShouldBe(0);

        // Each approver with their own token, in order; the student stays at the sending school until the last one.
        foreach (var (client, step) in new[] { (sending, 1), (fromCounty, 2), (fromCity, 3), (toCity, 4) })
        {
            var after = await TransferWorld.JsonAsync(await client.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { note = "同意" }), HttpStatusCode.OK);
            after.GetProperty("currentStep").GetInt32().ShouldBe(step + 1);
            (await _world.RecordAsync(student.Id)).SchoolId.ShouldBe(from.SchoolId);
        }
        // A stale version loses.
        (await toCounty.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var done = await TransferWorld.JsonAsync(await toCounty.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { version = 4 }), HttpStatusCode.OK);
        done.GetProperty("status").GetString().ShouldBe("Completed");

        var moved = await _world.RecordAsync(student.Id);
        moved.SchoolId.ShouldBe(to.SchoolId);
        moved.ClassId.ShouldBe(to.ClassId);
        moved.GradeId.ShouldBe(to.GradeId);
        moved.GradeLevel.ShouldBe(4);
        moved.CountyCode.ShouldBe("520302");
        moved.CityCode.ShouldBe("520300");
        moved.Status.ShouldBe(EnrolmentStatus.Enrolled);
        moved.Version.ShouldBe(1);

        // The census of both schools moved in the same transaction.
        var census = await factory.AsPlatformAsync(sp => sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([from.SchoolId, to.SchoolId], CancellationToken.None));
        census.Where(c => c.SchoolId == from.SchoolId).Sum(c => c.Students).ShouldBe(0);
        census.Where(c => c.SchoolId == to.SchoolId && c.Status == CensusStatus.Enrolled).ShouldHaveSingleItem().GradeLevel.ShouldBe(4);
        census.Where(c => c.SchoolId == to.SchoolId).Sum(c => c.Students).ShouldBe(1);
        await CensusRecount.AssertKeptEqualsRecountAsync(factory, from.SchoolId, to.SchoolId);

        // The history moved with the student: the new school reads all of it, the old one no longer sees the student.
        var history = await TransferWorld.JsonAsync(await receiving.GetAsync($"/api/v1/students/{student.Id}/history"), HttpStatusCode.OK);
        history.EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ShouldBe(["Admission", "Transfer"]);
        (await sending.GetAsync($"/api/v1/students/{student.Id}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Both schools still see the transfer itself.
        (await sending.GetAsync($"/api/v1/student-transfers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await otherCounty.GetAsync($"/api/v1/student-transfers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _ = sendingUser;
    }

    [Fact]
    public async Task Rejection_ends_the_transfer_and_withdrawal_belongs_to_the_receiving_school()
    {
        var from = await _world.SchoolAsync("520102");
        var to = await _world.SchoolAsync("520102");
        var student = await _world.StudentAsync(from, name: "王芳");
        var (_, receiving) = await _world.UserAsync("SchoolAdmin", schoolId: to.SchoolId);
        var (_, sending) = await _world.UserAsync("SchoolAdmin", schoolId: from.SchoolId);
        object Body() => new { studentNumber = student.Number, name = "王芳", toClassId = to.ClassId, reasonCode = "32", effectiveOn = "2026-12-01" };

        // Same county: only the sending school approves.
        var first = await TransferWorld.JsonAsync(await receiving.PostAsJsonAsync("/api/v1/student-transfers", Body()), HttpStatusCode.Created);
        first.GetProperty("steps").GetArrayLength().ShouldBe(1);
        var id = first.GetProperty("id").GetGuid();
        (await sending.PostAsJsonAsync($"/api/v1/student-transfers/{id}/reject", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var rejected = await TransferWorld.JsonAsync(await sending.PostAsJsonAsync($"/api/v1/student-transfers/{id}/reject", new { note = "家长未同意" }), HttpStatusCode.OK);
        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        rejected.GetProperty("rejectionReason").GetString().ShouldBe("家长未同意");
        (await sending.PostAsJsonAsync($"/api/v1/student-transfers/{id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A new request is allowed once the first is closed; the sending school may not withdraw it, the receiving one may.
        var second = await TransferWorld.JsonAsync(await receiving.PostAsJsonAsync("/api/v1/student-transfers", Body()), HttpStatusCode.Created);
        var id2 = second.GetProperty("id").GetGuid();
        (await sending.PostAsync($"/api/v1/student-transfers/{id2}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var withdrawn = await TransferWorld.JsonAsync(await receiving.PostAsync($"/api/v1/student-transfers/{id2}/withdraw", null), HttpStatusCode.OK);
        withdrawn.GetProperty("status").GetString().ShouldBe("Withdrawn");
        (await _world.RecordAsync(student.Id)).SchoolId.ShouldBe(from.SchoolId);
    }

    [Fact]
    public async Task Only_enrolled_students_can_be_transferred_and_only_into_the_callers_school()
    {
        var from = await _world.SchoolAsync("520102");
        var to = await _world.SchoolAsync("520103");
        var suspended = await _world.StudentAsync(from, name: "赵六", status: EnrolmentStatus.Suspended);
        var enrolled = await _world.StudentAsync(from, name: "钱七");
        var (_, receiving) = await _world.UserAsync("SchoolAdmin", schoolId: to.SchoolId);
        var (otherUser, other) = await _world.UserAsync("SchoolAdmin", schoolId: from.SchoolId);

        (await receiving.PostAsJsonAsync("/api/v1/student-transfers", new
        {
            studentNumber = suspended.Number, name = "赵六", toClassId = to.ClassId, reasonCode = "31", effectiveOn = "2026-12-01",
        })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var denied = await _world.DeniedLinesAsync(otherUser.Id);
        (await other.PostAsJsonAsync("/api/v1/student-transfers", new
        {
            studentNumber = enrolled.Number, name = "钱七", toClassId = to.ClassId, reasonCode = "31", effectiveOn = "2026-12-01",
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _world.DeniedLinesAsync(otherUser.Id)).ShouldBeGreaterThan(denied);
    }
}
