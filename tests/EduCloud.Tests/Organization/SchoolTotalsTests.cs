using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Organization.Features.Schools;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

/// <summary>
/// The school list remembers each scope's total (SchoolTotals) instead of counting on every page. A write through
/// the module must show at once: the new school in the rows and the total moved, also on a full page, where the
/// total is the remembered one and not derived from the rows.
/// </summary>
public sealed class SchoolTotalsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Creating_retiring_and_reinstating_a_school_moves_the_remembered_total_at_once()
    {
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520103");
        using var client = await factory.ClientForAsync(admin);
        var first = await OrgApi.CreateSchoolAsync(client, "520103", name: "云岩缓存学校一");
        await OrgApi.CreateSchoolAsync(client, "520103", name: "云岩缓存学校二");
        await OrgApi.CreateSchoolAsync(client, "520103", name: "云岩缓存学校三");
        const string fullPage = "/api/v1/schools?region=520103&page=1&size=2";
        (await PageAsync(client, fullPage)).Total.ShouldBe(3);
        (await PageAsync(client, fullPage)).Total.ShouldBe(3); // now remembered

        var added = await OrgApi.CreateSchoolAsync(client, "520103", name: "云岩缓存学校四");
        (await PageAsync(client, fullPage)).Total.ShouldBe(4);
        (await PageAsync(client, "/api/v1/schools?region=520103&page=1&size=20")).Ids.ShouldContain(added);

        (await client.PostAsync($"/api/v1/schools/{first}/retire", null)).EnsureSuccessStatusCode();
        (await PageAsync(client, fullPage)).Total.ShouldBe(3);
        (await PageAsync(client, fullPage + "&includeRetired=true")).Total.ShouldBe(4);

        (await client.PostAsync($"/api/v1/schools/{first}/reinstate", null)).EnsureSuccessStatusCode();
        (await PageAsync(client, fullPage)).Total.ShouldBe(4);
    }

    [Fact]
    public void A_total_is_forgotten_after_its_lifetime_so_other_nodes_writes_show_within_it()
    {
        var clock = new ManualClock();
        var totals = new SchoolTotals(clock);
        totals.Keep("k", totals.Version, 7);
        totals.TryGet("k", out var total).ShouldBeTrue();
        total.ShouldBe(7);

        clock.Advance(SchoolTotals.Lifetime);
        totals.TryGet("k", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_total_counted_before_a_write_is_not_kept_for_the_next_reader()
    {
        var totals = new SchoolTotals(TimeProvider.System);
        var version = totals.Version; // a reader starts counting...
        totals.SchoolsChanged();      // ...a school is saved meanwhile...
        totals.Keep("k", version, 7); // ...and the old count arrives.
        totals.TryGet("k", out _).ShouldBeFalse();
    }

    private static async Task<(int Total, Guid[] Ids)> PageAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url);
        return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray());
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
