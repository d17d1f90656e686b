using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Records:GroupCommit:Writers = 2 (ADR 0038; the default is one): two groups in flight at once. The same client-given
/// id can land in both writers' groups; the second insert meets the first's row and must still answer 200 for the same
/// statement and 409 for another. Several rounds, because a round only sometimes splits the id across the writers
/// (without the retry this failed in 2 of 4 runs on PostgreSQL). Every POST without an id is stored once.
/// </summary>
public sealed class TwoGroupWritersTests : IAsyncLifetime
{
    private readonly EduCloudFactory factory = new();

    public async Task InitializeAsync()
    {
        factory.Settings["Records:GroupCommit:Writers"] = "2";
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)factory).DisposeAsync();

    [Fact]
    public async Task The_same_id_in_both_writers_groups_is_stored_once_with_200_for_the_same_statement_and_409_for_another()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        for (var round = 0; round < 8; round++)
        {
            await GroupCommitTests.PostTheSameIdConcurrentlyAsync(factory, lrs);
        }
    }

    [Fact]
    public async Task Concurrent_posts_without_ids_are_each_stored_once()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var activity = $"http://www.example.com/activities/two-{Guid.NewGuid():N}";
        var ids = await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => lrs.StoreAsync(Xapi.Statement(Xapi.UniqueEmail(), activity: activity))));
        ids.Distinct().Count().ShouldBe(80);
        // Other tests' writes in flight can hold the query's snapshot back for a moment: poll briefly.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<System.Text.Json.Nodes.JsonObject> found;
        do
        {
            found = await lrs.QueryAsync($"activity={Uri.EscapeDataString(activity)}&limit=500");
        } while (found.Count < ids.Length && DateTime.UtcNow < deadline);
        found.Select(s => Guid.Parse((string)s["id"]!)).ShouldBe(ids, ignoreOrder: true);
        (await lrs.GetAsync($"/xapi/statements?statementId={ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
