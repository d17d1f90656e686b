using System.Net;
using System.Text.Json.Nodes;
using EduCloud.Records.Features.Statements;
using EduCloud.Records.Json;
using EduCloud.Records.Data;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Records;

/// <summary>
/// X-Experience-API-Consistent-Through (Communication 2.1.3) while writes are in flight (ADR 0038): statements are
/// given their stored times before they commit and several writes commit out of order, so the header, and the
/// snapshot a query pages within, stop just before the oldest stored time still being written. A client that polls
/// with `since` = the last header never skips a statement that commits late.
/// </summary>
public sealed class ConsistentThroughTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<HttpClient> ClientAsync() => await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

    [Fact]
    public void A_reservation_in_flight_holds_Consistent_Through_before_it_and_later_reservations_come_after_any_answer()
    {
        var times = new StoredTimes();
        using var inFlight = times.Reserve(TimeProvider.System, 3);
        times.ConsistentThrough(TimeProvider.System).ShouldBeLessThan(inFlight.First);

        var answered = times.ConsistentThrough(TimeProvider.System);
        using var later = times.Reserve(TimeProvider.System, 1);
        later.First.ShouldBeGreaterThan(answered);
        // The three times of the first reservation are its own: the next one starts after them.
        later.First.ShouldBeGreaterThan(inFlight.First + 2);
    }

    [Fact]
    public async Task A_statement_committed_after_an_earlier_one_still_in_flight_is_outside_the_snapshot_until_that_one_ends()
    {
        using var lrs = await ClientAsync();
        var activity = $"http://www.example.com/activities/ct-{Guid.NewGuid():N}";
        Guid late;
        long heldAt;
        var times = await factory.AsPlatformAsync(sp => Task.FromResult(StoredTimes.For(sp.GetRequiredService<RecordsDbContext>().Database)));
        using (var inFlight = times.Reserve(TimeProvider.System, 1))
        {
            heldAt = inFlight.First;
            // Stored after the write in flight, and committed before it ends.
            late = await lrs.StoreAsync(Xapi.Statement(activity: activity));
            var stored = Grammar.Micros(DateTimeOffset.Parse((string)(await lrs.GetJsonAsync($"/xapi/statements?statementId={late}"))["stored"]!));
            stored.ShouldBeGreaterThan(heldAt);

            var response = await lrs.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            ConsistentThrough(response).ShouldBeLessThan(heldAt);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
            page.ShouldBeEmpty();
        }

        // Once the earlier write has ended (committed or failed), the statement is inside the next snapshot. Other
        // tests' writes may hold the header back for a moment, so poll briefly.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<JsonObject> found;
        do
        {
            found = await lrs.QueryAsync($"activity={Uri.EscapeDataString(activity)}");
        } while (found.Count == 0 && DateTime.UtcNow < deadline);
        found.Select(s => (string?)s["id"]).ShouldBe([late.ToString()]);
    }

    [Fact]
    public async Task Polling_with_since_the_last_Consistent_Through_sees_every_statement_once_under_concurrent_writes()
    {
        using var lrs = await ClientAsync();
        var activity = $"http://www.example.com/activities/poll-{Guid.NewGuid():N}";
        var writes = Enumerable.Range(0, 40).Select(async i =>
        {
            await Task.Delay(i % 8 * 5);
            return await lrs.StoreAsync(Xapi.Statement(Xapi.UniqueEmail(), activity: activity));
        }).ToList();
        var seen = new List<string>();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        // A skipped statement never shows up (the loop ends at the deadline and the comparison fails); one seen twice
        // fails the comparison too.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < writes.Count && DateTime.UtcNow < deadline)
        {
            var response = await lrs.GetAsync($"/xapi/statements?ascending=true&limit=1000&activity={Uri.EscapeDataString(activity)}&since={Uri.EscapeDataString(Grammar.Format(since))}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statements"]!.AsArray();
            seen.AddRange(page.Select(s => (string)s!["id"]!));
            since = Grammar.FromMicros(ConsistentThrough(response));
            await Task.Delay(2);
        }
        var ids = await Task.WhenAll(writes);
        seen.ShouldBe(ids.Select(id => id.ToString()), ignoreOrder: true);
    }

    private static long ConsistentThrough(HttpResponseMessage response) =>
        Grammar.Micros(DateTimeOffset.Parse(response.Headers.GetValues("X-Experience-API-Consistent-Through").Single()));
}
