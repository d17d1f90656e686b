using System.Net;
using System.Text.Json.Nodes;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Records;

/// <summary>
/// related_agents also matches the authority (Communication 2.1.3). The authority is not stored as a link: every
/// statement a writer stores carries that writer's authority, and the statement's (WrittenBy, Stored) index answers
/// for it (ADR 0043). These tests pin the listing, its order and its pages on every write path.
/// </summary>
public sealed class AuthorityFilterTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Related_agents_with_a_tools_authority_lists_that_tools_statements_and_those_naming_it_newest_first_across_pages()
    {
        var issuer = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var tool = await Xapi.LrsClientAsync(factory, issuer);
        using var other = await Xapi.LrsClientAsync(factory, issuer);
        var email = Xapi.UniqueEmail();

        var single = await tool.StoreAsync(Xapi.Statement(email)); // one statement: the group writer
        var response = await tool.PostAsync(new JsonArray(Xapi.Statement(email), Xapi.Statement(email))); // a batch: the plain batch path
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var batch = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(i => Guid.Parse((string)i!)).ToList();
        var put = Guid.NewGuid();
        const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";
        await tool.PutAsync(put, Xapi.Statement(email, verb: Attempted)).ShouldBeAsync(HttpStatusCode.NoContent);
        var byOther = await other.StoreAsync(Xapi.Statement(email));
        var authority = (await tool.GetJsonAsync($"/xapi/statements?statementId={single}"))["authority"]!.AsObject();
        var otherAuthority = (await other.GetJsonAsync($"/xapi/statements?statementId={byOther}"))["authority"]!.AsObject();
        // The other tool names the first one's agent as instructor: that statement matches through its link.
        var naming = Xapi.Statement(email);
        naming["context"] = new JsonObject { ["instructor"] = authority.DeepClone() };
        var named = await other.StoreAsync(naming);

        var agent = Xapi.Q(authority);
        var expected = new[] { named, put, batch[1], batch[0], single }.Select(i => i.ToString()).ToList();
        (await tool.QueryAsync($"agent={agent}&related_agents=true")).Select(s => (string?)s["id"]).ShouldBe(expected);
        (await tool.QueryAsync($"agent={agent}&related_agents=true&ascending=true")).Select(s => (string?)s["id"]).ShouldBe(Enumerable.Reverse(expected));
        (await tool.QueryAsync($"agent={agent}")).ShouldBeEmpty(); // the authority is never the actor here
        (await tool.QueryAsync($"agent={Xapi.Q(otherAuthority)}&related_agents=true")).Select(s => (string?)s["id"])
            .ShouldBe([named.ToString(), byOther.ToString()]);
        // With a verb and since: the window and the verb apply to the writer's statements as to the links'.
        var since = (string)(await tool.GetJsonAsync($"/xapi/statements?statementId={batch[1]}"))["stored"]!;
        (await tool.QueryAsync($"agent={agent}&related_agents=true&since={Uri.EscapeDataString(since)}")).Select(s => (string?)s["id"])
            .ShouldBe([named.ToString(), put.ToString()]);
        (await tool.QueryAsync($"agent={agent}&related_agents=true&verb={Uri.EscapeDataString(Attempted)}")).Select(s => (string?)s["id"]).ShouldBe([put.ToString()]);

        // Pages of two continue without repeats or gaps.
        var seen = new List<string>();
        var page = await tool.GetJsonAsync($"/xapi/statements?limit=2&related_agents=true&agent={agent}");
        while (true)
        {
            seen.AddRange(page["statements"]!.AsArray().Select(s => (string)s!["id"]!));
            var more = (string?)page["more"];
            if (string.IsNullOrEmpty(more)) { break; }
            page = await tool.GetJsonAsync(more);
        }
        seen.ShouldBe(expected);

        // Another tool's statement that refers to one of this tool's matches too (the StatementRef rule, Communication 2.1.3).
        var referring = Xapi.Statement(Xapi.UniqueEmail());
        referring["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = single.ToString() };
        var reference = await other.StoreAsync(referring);
        (await tool.QueryAsync($"agent={agent}&related_agents=true")).Select(s => (string?)s["id"]).ShouldBe(expected.Prepend(reference.ToString()));
    }

    [Fact]
    public async Task A_statement_that_also_has_an_authority_link_from_before_is_listed_once()
    {
        using var tool = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var email = Xapi.UniqueEmail();
        var id = await tool.StoreAsync(Xapi.Statement(email));
        var authority = (await tool.GetJsonAsync($"/xapi/statements?statementId={id}"))["authority"]!.AsObject();
        // A store written before ADR 0043 has an authority link per statement: turn the actor's link into one.
        var actorKey = KeyHash.Of(LinkKind.Agent, "mbox:mailto:" + email);
        var authorityKey = KeyHash.Of(LinkKind.Agent, StatementShape.IfiKey(authority)!);
        var changed = await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<RecordsDbContext>();
            return await db.Links.Where(l => l.StatementId == id && l.KeyHash == actorKey)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.KeyHash, authorityKey).SetProperty(l => l.Primary, false));
        });
        changed.ShouldBe(1);
        (await tool.QueryAsync($"agent={Xapi.Q(authority)}&related_agents=true")).Select(s => (string?)s["id"]).ShouldBe([id.ToString()]);
    }
}
