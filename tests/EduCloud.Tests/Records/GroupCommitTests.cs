using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Records;

/// <summary>
/// Group commit of single-statement POSTs: many concurrent requests are written together, each answered only after
/// its statement is stored, each stored exactly once, and a bad or conflicting one answered with its own error
/// without failing its neighbours. On SQLite and PostgreSQL (EDUCLOUD_TEST_POSTGRES).
/// </summary>
public sealed class GroupCommitTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<HttpClient> ClientAsync() => await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

    [Fact]
    public async Task Concurrent_single_posts_are_all_stored_exactly_once_and_a_bad_one_gets_its_own_400()
    {
        using var lrs = await ClientAsync();
        var activity = $"http://www.example.com/activities/group-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        var bad = Xapi.Statement(activity: activity);
        bad.Remove("verb");
        var posts = ids.Select((id, i) =>
        {
            var s = Xapi.Statement(Xapi.UniqueEmail(), activity: activity);
            s["id"] = id.ToString();
            s["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["zh-CN"] = $"活动 {i}" } };
            return lrs.PostAsync(s);
        }).ToList();
        var badPost = lrs.PostAsync(bad);
        await Task.WhenAll(posts.Append(badPost));

        for (var i = 0; i < ids.Count; i++)
        {
            var response = await posts[i];
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            JsonSerializer.Deserialize<string[]>(await response.Content.ReadAsStringAsync()).ShouldBe([ids[i].ToString()]);
        }
        var refused = await badPost;
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("statement.verb");

        await ShouldBeStoredWithTheirActivityLinksAsync(activity, ids);
        // Each answered statement can be read back at once (the answer came after the commit).
        var one = await lrs.GetAsync($"/xapi/statements?statementId={ids[^1]}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The activity's definition was kept once, from one of the statements.
        var definition = await lrs.GetAsync($"/xapi/activities?activityId={Uri.EscapeDataString(activity)}");
        definition.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)JsonNode.Parse(await definition.Content.ReadAsStringAsync())!["definition"]!["name"]!["zh-CN"]).ShouldNotBeNull().ShouldStartWith("活动 ");
    }

    [Fact]
    public async Task A_statement_voided_before_it_arrives_is_stored_voided_and_a_repeat_in_a_group_is_a_no_op()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var target = Guid.NewGuid();
        var voiding = Xapi.Statement(email, verb: "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() };
        await lrs.StoreAsync(voiding);

        // The target arrives later, as a single PUT among concurrent ones that repeat an already stored statement.
        var stored = Xapi.Statement(email);
        stored["id"] = Guid.NewGuid().ToString();
        await lrs.StoreAsync(stored);
        var late = Xapi.Statement(email);
        late["id"] = target.ToString();
        var puts = Enumerable.Range(0, 20).Select(_ => lrs.PostAsync(stored.DeepClone())).Append(lrs.PostAsync(late)).ToList();
        foreach (var put in await Task.WhenAll(puts)) { put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync()); }

        await lrs.GetAsync($"/xapi/statements?statementId={target}").ShouldBeAsync(HttpStatusCode.NotFound);
        ((string?)(await lrs.GetJsonAsync($"/xapi/statements?voidedStatementId={target}"))["id"]).ShouldBe(target.ToString());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        (await db.Statements.IgnoreQueryFilters().CountAsync(s => s.Id == Guid.Parse((string)stored["id"]!))).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_single_posts_without_ids_are_stored_once_each_with_their_links_and_the_activity()
    {
        // No client-given ids: on PostgreSQL such a group goes in one round trip (ADR 0037), so this covers that path.
        using var lrs = await ClientAsync();
        var activity = $"http://www.example.com/activities/group-noid-{Guid.NewGuid():N}";
        var posts = Enumerable.Range(0, 60).Select(i =>
        {
            var s = Xapi.Statement(Xapi.UniqueEmail(), activity: activity);
            s["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["zh-CN"] = $"活动 {i}" } };
            return lrs.PostAsync(s);
        }).ToList();
        await Task.WhenAll(posts);

        var ids = new List<Guid>();
        foreach (var post in posts)
        {
            var response = await post;
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            ids.Add(Guid.Parse(JsonSerializer.Deserialize<string[]>(await response.Content.ReadAsStringAsync()).ShouldHaveSingleItem()));
        }
        ids.Distinct().Count().ShouldBe(ids.Count);
        await ShouldBeStoredWithTheirActivityLinksAsync(activity, ids);
        var one = await lrs.GetAsync($"/xapi/statements?statementId={ids[^1]}");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)JsonNode.Parse(await one.Content.ReadAsStringAsync())!["object"]!["id"]).ShouldBe(activity);
        var byActivity = await lrs.GetAsync($"/xapi/statements?activity={Uri.EscapeDataString(activity)}&limit=100");
        JsonNode.Parse(await byActivity.Content.ReadAsStringAsync())!["statements"]!.AsArray().Count.ShouldBe(ids.Count);
        var definition = await lrs.GetAsync($"/xapi/activities?activityId={Uri.EscapeDataString(activity)}");
        definition.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)JsonNode.Parse(await definition.Content.ReadAsStringAsync())!["definition"]!["name"]!["zh-CN"]).ShouldNotBeNull().ShouldStartWith("活动 ");
    }

    [Fact]
    public async Task The_same_id_posted_concurrently_is_stored_once_the_same_statement_is_200_and_a_different_one_409()
    {
        using var lrs = await ClientAsync();
        for (var round = 0; round < 8; round++)
        {
            await PostTheSameIdConcurrentlyAsync(factory, lrs);
        }
    }

    internal static async Task PostTheSameIdConcurrentlyAsync(EduCloudFactory factory, HttpClient lrs)
    {
        var id = Guid.NewGuid();
        var same = Xapi.Statement("same@example.com");
        same["id"] = id.ToString();
        var other = Xapi.Statement("other@example.com");
        other["id"] = id.ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => lrs.PostAsync(i % 4 == 3 ? other : same)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        var count = await factory.AsPlatformAsync(sp => sp.GetRequiredService<RecordsDbContext>().Statements.AsNoTracking().CountAsync(s => s.Id == id));
        count.ShouldBe(1);
        // Whichever came first is stored; every request with that content is 200, every other one 409.
        var get = await lrs.GetAsync($"/xapi/statements?statementId={id}");
        var winner = (string?)JsonNode.Parse(await get.Content.ReadAsStringAsync())!["actor"]!["mbox"];
        for (var i = 0; i < responses.Length; i++)
        {
            var sent = (string?)(i % 4 == 3 ? other : same)["actor"]!["mbox"];
            responses[i].StatusCode.ShouldBe(sent == winner ? HttpStatusCode.OK : HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public void The_submitted_hash_is_the_sorted_copy_hash_already_stored_rows_carry()
    {
        var s = JsonNode.Parse("""
            {"verb":{"id":"http://adlnet.gov/expapi/verbs/scored","display":{"zh-CN":"得分 <b>&","en-US":"scored"}},"id":"6f1d3c8e-2b0a-4b8e-9a37-0c1e2f3a4b5c",
             "actor":{"mbox":"mailto:a@example.com","objectType":"Agent"},"object":{"id":"http://example.com/a","definition":{"type":"http://x/y"}},
             "result":{"score":{"raw":1.50,"max":2E1,"min":0},"success":true,"response":null},"context":{"contextActivities":{"parent":[{"id":"http://p/1"}]}},
             "stored":"2026-01-01T00:00:00Z","authority":{"mbox":"mailto:b@example.com"},"version":"1.0.0"}
            """)!.AsObject();
        // The algorithm the stored hashes were made with: a deep copy without the LRS's properties, keys sorted.
        var copy = (JsonObject)s.DeepClone();
        copy.Remove("stored");
        copy.Remove("authority");
        copy.Remove("version");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sorted(copy)!.ToJsonString())));

        StatementShape.SubmittedHash(s).ShouldBe(expected);
        s["stored"] = "2027-01-01T00:00:00Z";
        StatementShape.SubmittedHash(s).ShouldBe(expected);
        s["result"]!["score"]!["raw"] = 1.5;
        StatementShape.SubmittedHash(s).ShouldNotBe(expected);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Exactly these statements are stored for the activity, each with its one activity link.</summary>
    private async Task ShouldBeStoredWithTheirActivityLinksAsync(string activity, List<Guid> ids)
    {
        var stored = await factory.AsPlatformAsync(sp => sp.GetRequiredService<RecordsDbContext>().Statements.AsNoTracking()
            .Where(s => s.ActivityId == activity).Select(s => s.Id).ToListAsync());
        stored.Count.ShouldBe(ids.Count);
        stored.ShouldBe(ids, ignoreOrder: true);
        var hash = KeyHash.Of(LinkKind.Activity, activity);
        var links = await factory.AsPlatformAsync(sp => sp.GetRequiredService<RecordsDbContext>().Links.AsNoTracking()
            .Where(l => ids.Contains(l.StatementId) && l.KeyHash == hash).CountAsync());
        links.ShouldBe(ids.Count);
    }
}
