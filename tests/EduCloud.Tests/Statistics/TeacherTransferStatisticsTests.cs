using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Statistics;

/// <summary>A teacher transfer, once its last approval is given, moves the teacher in /api/v1/stats/teachers from the old school and county to the new ones.</summary>
public sealed class TeacherTransferStatisticsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Nanming = "520102", Yunyan = "520103", Guiyang = "520100";

    [Fact]
    public async Task An_approved_cross_county_transfer_moves_the_teacher_between_schools_and_counties_in_the_statistics()
    {
        var nmUser = await factory.CreateUserAsync("CountyAdmin", regionCode: Nanming);
        var yyUser = await factory.CreateUserAsync("CountyAdmin", regionCode: Yunyan);
        using var nm = await factory.ClientForAsync(nmUser);
        using var yy = await factory.ClientForAsync(yyUser);
        using var city = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", regionCode: Guiyang));
        var (fromSchool, fromClass) = await TeacherApi.SchoolWithClassAsync(factory, nm, Nanming, "统计调出小学");
        var (toSchool, _) = await TeacherApi.SchoolWithClassAsync(factory, yy, Yunyan, "统计调入小学");
        using var fromAdmin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: fromSchool));
        using var toAdmin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: toSchool));

        // Read first, so the rolled-up figures exist before the changes and must follow them.
        var baseline = await SnapshotAsync(city, fromSchool, toSchool);
        var teacher = await TeacherApi.CreateTeacherAsync(fromAdmin, TeacherApi.Body(fromSchool, fromClass, subjects: ["英语"]));
        var registered = await SnapshotAsync(city, fromSchool, toSchool);
        registered.ShouldBe(baseline with { FromSchool = 1, FromSchoolEnglish = 1, Nanming = baseline.Nanming + 1, CityNanming = baseline.CityNanming + 1, City = baseline.City + 1 });

        var started = await Json(await toAdmin.PostAsJsonAsync("/api/v1/teachers/transfers", new
        {
            teacherNumber = teacher.GetProperty("teacherNumber").GetString(), teacherName = "王老师", toSchoolId = toSchool, reason = "工作需要", effectiveOn = "2026-09-01",
        }), HttpStatusCode.Created, HttpStatusCode.OK);
        var transferId = started.GetProperty("id").GetGuid();
        await Json(await fromAdmin.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { }), HttpStatusCode.OK);
        await Json(await nm.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { }), HttpStatusCode.OK);

        // Still pending (the receiving county has not approved): nothing has moved.
        (await SnapshotAsync(city, fromSchool, toSchool)).ShouldBe(registered);

        var done = await Json(await yy.PostAsJsonAsync($"/api/v1/teachers/transfers/{transferId}/approve", new { }), HttpStatusCode.OK);
        done.GetProperty("status").GetString().ShouldBe("Completed");
        var moved = await SnapshotAsync(city, fromSchool, toSchool);
        moved.ShouldBe(baseline with
        {
            ToSchool = 1, ToSchoolEnglish = 1, Yunyan = baseline.Yunyan + 1, CityYunyan = baseline.CityYunyan + 1, City = baseline.City + 1,
        });

        // Each county's own administrator sees the same: the teacher left 南明区 and arrived in 云岩区.
        Total(await TeachersAsync(nm, Nanming)).ShouldBe(baseline.Nanming);
        Total(await TeachersAsync(yy, Yunyan)).ShouldBe(baseline.Yunyan + 1);
        Total(await TeachersAsync(yy, toSchool.ToString())).ShouldBe(1);
        (await nm.GetAsync($"/api/v1/stats/teachers?node={toSchool}&by=subject")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    private sealed record Snapshot(int FromSchool, int FromSchoolEnglish, int ToSchool, int ToSchoolEnglish, int Nanming, int Yunyan, int City,
        int CityNanming, int CityYunyan);

    private static async Task<Snapshot> SnapshotAsync(HttpClient client, Guid fromSchool, Guid toSchool)
    {
        var from = await TeachersAsync(client, fromSchool.ToString());
        var to = await TeachersAsync(client, toSchool.ToString());
        var city = await TeachersAsync(client, Guiyang);
        return new Snapshot(Total(from), Row(from, "英语"), Total(to), Row(to, "英语"), Total(await TeachersAsync(client, Nanming)),
            Total(await TeachersAsync(client, Yunyan)), Total(city), Child(city, Nanming), Child(city, Yunyan));
    }

    private static async Task<JsonElement> TeachersAsync(HttpClient client, string node) =>
        await Json(await client.GetAsync($"/api/v1/stats/teachers?node={node}&by=subject"), HttpStatusCode.OK);

    private static async Task<JsonElement> Json(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        expected.ShouldContain(response.StatusCode, body.ToString());
        return body;
    }

    private static int Total(JsonElement t) => t.GetProperty("teachers").GetInt32();

    private static int Row(JsonElement t, string label) =>
        t.GetProperty("breakdown").EnumerateArray().Where(r => r.GetProperty("label").GetString() == label).Select(r => r.GetProperty("teachers").GetInt32()).SingleOrDefault();

    private static int Child(JsonElement t, string key) =>
        t.GetProperty("children").EnumerateArray().Where(c => c.GetProperty("key").GetString() == key).Select(c => c.GetProperty("teachers").GetInt32()).SingleOrDefault();
}
