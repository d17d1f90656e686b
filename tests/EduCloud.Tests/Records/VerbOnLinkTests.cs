using System.Text.Json.Nodes;
using EduCloud.Records.Data;
using EduCloud.Records.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Records;

/// <summary>
/// The link rows carry a hash of the statement's verb and the plain activity filter walks the object's primary link
/// (ADR 0032): the filters must give what they gave from the statement's columns, also for links stored before
/// the hash existed (NULL on SQLite after the migration). On SQLite and PostgreSQL (EDUCLOUD_TEST_POSTGRES).
/// </summary>
public sealed class VerbOnLinkTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    private const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";

    private async Task<HttpClient> ClientAsync() => await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

    [Fact]
    public void The_hash_is_the_one_the_postgres_migration_computes_in_sql()
    {
        // SELECT ('x' || left(md5(verb), 8))::bit(32)::int on PostgreSQL 15 for these two IRIs.
        VerbHash.Of(Completed).ShouldBe(-836183314);
        VerbHash.Of("http://例子.cn/动词/完成").ShouldBe(855318167);
    }

    [Fact]
    public async Task Activity_and_agent_with_verb_return_only_that_verb_and_the_object_activity_only()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var activity = "http://www.example.com/activities/" + Guid.NewGuid().ToString("N");
        var completed = await lrs.StoreAsync(Xapi.Statement(email, Completed, activity));
        var attempted = await lrs.StoreAsync(Xapi.Statement(email, Attempted, activity));
        // The activity only as a sub-statement's object: related_activities finds it, the plain filter does not.
        var sub = Xapi.Statement(Xapi.UniqueEmail(), Completed, "http://www.example.com/activities/other");
        sub["object"] = new JsonObject
        {
            ["objectType"] = "SubStatement",
            ["actor"] = new JsonObject { ["mbox"] = "mailto:" + email },
            ["verb"] = new JsonObject { ["id"] = Attempted },
            ["object"] = new JsonObject { ["id"] = activity },
        };
        var viaSub = await lrs.StoreAsync(sub);
        var agent = Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email });
        var a = Uri.EscapeDataString(activity);

        (await Ids(lrs, $"activity={a}")).ShouldBe([attempted, completed]);
        (await Ids(lrs, $"activity={a}&verb={Uri.EscapeDataString(Completed)}")).ShouldBe([completed]);
        (await Ids(lrs, $"activity={a}&verb={Uri.EscapeDataString(Attempted)}&ascending=true")).ShouldBe([attempted]);
        (await Ids(lrs, $"activity={a}&related_activities=true&verb={Uri.EscapeDataString(Completed)}")).ShouldBe([viaSub, completed]);
        (await Ids(lrs, $"agent={agent}&verb={Uri.EscapeDataString(Completed)}")).ShouldBe([completed]);
        (await Ids(lrs, $"agent={agent}&related_agents=true&verb={Uri.EscapeDataString(Completed)}")).ShouldBe([viaSub, completed]);
        (await Ids(lrs, $"agent={agent}&activity={a}&verb={Uri.EscapeDataString(Attempted)}")).ShouldBe([attempted]);
        (await Ids(lrs, $"activity={a}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/passed")}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Links_stored_without_a_verb_hash_are_still_found_by_the_verb_filters()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var activity = "http://www.example.com/activities/" + Guid.NewGuid().ToString("N");
        var completed = await lrs.StoreAsync(Xapi.Statement(email, Completed, activity));
        var attempted = await lrs.StoreAsync(Xapi.Statement(email, Attempted, activity));
        var ids = new[] { completed, attempted };
        var cleared = await factory.AsPlatformAsync(sp => sp.GetRequiredService<RecordsDbContext>().Links
            .Where(l => ids.Contains(l.StatementId)).ExecuteUpdateAsync(u => u.SetProperty(l => l.VerbHash, (int?)null)));
        cleared.ShouldBeGreaterThanOrEqualTo(4);
        var agent = Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email });

        (await Ids(lrs, $"agent={agent}&verb={Uri.EscapeDataString(Completed)}")).ShouldBe([completed]);
        (await Ids(lrs, $"activity={Uri.EscapeDataString(activity)}&verb={Uri.EscapeDataString(Attempted)}")).ShouldBe([attempted]);
        (await Ids(lrs, $"agent={agent}")).ShouldBe([attempted, completed]);
    }

    private static async Task<List<Guid>> Ids(HttpClient lrs, string query) =>
        (await lrs.QueryAsync(query)).Select(s => Guid.Parse((string)s["id"]!)).ToList();
}
