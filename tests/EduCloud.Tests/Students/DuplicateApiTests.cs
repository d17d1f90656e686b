using System.Net;
using System.Net.Http.Json;
using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

public sealed class DuplicateApiTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private readonly TransferWorld _world = new(factory);

    [Fact]
    public async Task Duplicate_in_one_county_is_queued_for_that_county_and_resolved_only_by_it()
    {
        var a = await _world.SchoolAsync("520102");
        var b = await _world.SchoolAsync("520102");
        var citizenId = TestIds.NextCitizenId();
        var first = await _world.StudentAsync(a, citizenId, "孙八");
        var second = await _world.StudentAsync(b, citizenId, "孙八", number: TransferWorld.OtherNumber());
        var (_, county) = await _world.UserAsync("CountyAdmin", "520102");
        var (otherUser, otherCounty) = await _world.UserAsync("CountyAdmin", "520103");
        var (cityUser, city) = await _world.UserAsync("CityAdmin", "520100");
        var (_, school) = await _world.UserAsync("SchoolAdmin", schoolId: a.SchoolId);

        (await TransferWorld.JsonAsync(await county.PostAsync("/api/v1/student-duplicates/scan", null), HttpStatusCode.OK)).GetProperty("opened").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        // A second scan flags nothing new.
        (await TransferWorld.JsonAsync(await county.PostAsync("/api/v1/student-duplicates/scan", null), HttpStatusCode.OK)).GetProperty("opened").GetInt32().ShouldBe(0);

        var queue = await TransferWorld.JsonAsync(await county.GetAsync("/api/v1/student-duplicates"), HttpStatusCode.OK);
        var item = queue.EnumerateArray().Single(c => c.GetProperty("a").GetProperty("studentId").GetGuid() == first.Id || c.GetProperty("b").GetProperty("studentId").GetGuid() == first.Id);
        item.GetProperty("ownerRole").GetString().ShouldBe("CountyAdmin");
        item.GetProperty("nodeCode").GetString().ShouldBe("520102");
        item.GetProperty("canResolve").GetBoolean().ShouldBeTrue();
        item.GetProperty("a").GetProperty("citizenIdMasked").GetString()!.ShouldContain("********");
        var caseId = item.GetProperty("id").GetGuid();

        // Another county neither sees nor resolves it; the city above sees it but does not resolve; a school may not even ask.
        (await TransferWorld.JsonAsync(await otherCounty.GetAsync("/api/v1/student-duplicates"), HttpStatusCode.OK)).EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("id").GetGuid() == caseId);
        var denied = await _world.DeniedLinesAsync(otherUser.Id);
        (await otherCounty.PostAsJsonAsync($"/api/v1/student-duplicates/{caseId}/resolve", new { keepStudentId = first.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _world.DeniedLinesAsync(otherUser.Id)).ShouldBeGreaterThan(denied);
        var cityDenied = await _world.DeniedLinesAsync(cityUser.Id);
        (await city.PostAsJsonAsync($"/api/v1/student-duplicates/{caseId}/resolve", new { keepStudentId = first.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _world.DeniedLinesAsync(cityUser.Id)).ShouldBeGreaterThan(cityDenied);
        (await school.GetAsync("/api/v1/student-duplicates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _world.RecordAsync(second.Id)).Status.ShouldBe(EnrolmentStatus.Enrolled);

        // The county keeps the first record: the second is withdrawn through a status change, and the census follows.
        (await county.PostAsJsonAsync($"/api/v1/student-duplicates/{caseId}/resolve", new { keepStudentId = first.Id, note = "重复录入" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _world.RecordAsync(second.Id)).Status.ShouldBe(EnrolmentStatus.Withdrawn);
        (await _world.RecordAsync(first.Id)).Status.ShouldBe(EnrolmentStatus.Enrolled);
        var change = await factory.AsPlatformAsync(sp => sp.GetRequiredService<StudentsDbContext>().StatusChanges.SingleAsync(c => c.StudentId == second.Id && c.Kind == ChangeKind.Withdrawal));
        change.ReasonCode.ShouldBe("91");
        var census = await factory.AsPlatformAsync(sp => sp.GetRequiredService<IStudentCensus>().ReadSchoolsAsync([b.SchoolId], CancellationToken.None));
        census.Where(c => c.Status == CensusStatus.Enrolled).Sum(c => c.Students).ShouldBe(0);
        census.Where(c => c.Status == CensusStatus.Withdrawn).Sum(c => c.Students).ShouldBe(1);
        (await county.PostAsJsonAsync($"/api/v1/student-duplicates/{caseId}/resolve", new { notDuplicate = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Duplicate_across_cities_belongs_to_the_province_and_can_be_marked_not_a_duplicate()
    {
        var a = await _world.SchoolAsync("520102");
        var b = await _world.SchoolAsync("520302");
        var citizenId = TestIds.NextCitizenId();
        var first = await _world.StudentAsync(a, citizenId, "周九");
        await _world.StudentAsync(b, citizenId, "周九", number: TransferWorld.OtherNumber());
        var opened = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<StudentsDbContext>();
            var hash = (await db.Students.SingleAsync(s => s.Id == first.Id)).CitizenIdHash!;
            return await EduCloud.Students.Features.Duplicates.DetectDuplicates.ForHashesAsync(db, [hash], CancellationToken.None);
        });
        opened.ShouldBe(1);
        var (_, county) = await _world.UserAsync("CountyAdmin", "520102");
        var (_, province) = await _world.UserAsync("ProvinceAdmin", "520000");
        (await TransferWorld.JsonAsync(await county.GetAsync("/api/v1/student-duplicates"), HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        var item = (await TransferWorld.JsonAsync(await province.GetAsync("/api/v1/student-duplicates"), HttpStatusCode.OK)).EnumerateArray()
            .Single(c => c.GetProperty("a").GetProperty("studentId").GetGuid() == first.Id || c.GetProperty("b").GetProperty("studentId").GetGuid() == first.Id);
        item.GetProperty("ownerRole").GetString().ShouldBe("ProvinceAdmin");
        (await province.PostAsJsonAsync($"/api/v1/student-duplicates/{item.GetProperty("id").GetGuid()}/resolve", new { notDuplicate = true, note = "同名同号核实为录入错误" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await TransferWorld.JsonAsync(await province.GetAsync("/api/v1/student-duplicates?status=NotDuplicate"), HttpStatusCode.OK)).GetArrayLength().ShouldBe(1);
        (await _world.RecordAsync(first.Id)).Status.ShouldBe(EnrolmentStatus.Enrolled);
    }
}
