using System.Net;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Ported from the ADL LRS conformance suite, sections Communication 2.1 (Statement Resource), Data 2.3 (Statement
/// Lifecycle: voiding), Data 2.4.8-2.4.10 (stored, authority, version) and Data 2.5 (Retrieval of Statements).
/// </summary>
public sealed class StatementResourceTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<HttpClient> ClientAsync() => await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

    [Fact]
    public async Task Put_stores_with_204_and_get_by_statementId_returns_it_with_stored_authority_version_and_timestamp()
    {
        using var lrs = await ClientAsync();
        var id = Guid.NewGuid();
        await lrs.PutAsync(id, Xapi.Statement()).ShouldBeAsync(HttpStatusCode.NoContent);

        var response = await lrs.GetAsync($"/xapi/statements?statementId={id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Experience-API-Version").Single().ShouldBe("1.0.3");
        response.Headers.Contains("X-Experience-API-Consistent-Through").ShouldBeTrue();
        var s = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        ((string?)s["id"]).ShouldBe(id.ToString());
        ((string?)s["stored"]).ShouldNotBeNull().ShouldEndWith("Z");
        ((string?)s["timestamp"]).ShouldBe((string?)s["stored"]);
        ((string?)s["version"]).ShouldBe("1.0.0");
        ((string?)s["authority"]!["objectType"]).ShouldBe("Agent");
        ((string?)s["authority"]!["account"]!["homePage"]).ShouldBe(Xapi.Home + "/xapi/clients");
    }

    [Fact]
    public async Task Put_of_the_same_statement_again_is_204_and_a_different_statement_with_that_id_is_409()
    {
        using var lrs = await ClientAsync();
        var id = Guid.NewGuid();
        await lrs.PutAsync(id, Xapi.Statement()).ShouldBeAsync(HttpStatusCode.NoContent);
        await lrs.PutAsync(id, Xapi.Statement()).ShouldBeAsync(HttpStatusCode.NoContent);
        await lrs.PutAsync(id, Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/attempted")).ShouldBeAsync(HttpStatusCode.Conflict);
        var post = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/attempted");
        post["id"] = id.ToString();
        await lrs.PostAsync(post).ShouldBeAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Put_without_statementId_or_with_a_different_id_in_the_body_is_400()
    {
        using var lrs = await ClientAsync();
        await lrs.PutAsync("/xapi/statements", Xapi.Json(Xapi.Statement())).ShouldBeAsync(HttpStatusCode.BadRequest);
        var s = Xapi.Statement();
        s["id"] = Guid.NewGuid().ToString();
        await lrs.PutAsync(Guid.NewGuid(), s).ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_of_an_array_returns_the_ids_in_order_and_one_invalid_statement_stores_none()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var given = Guid.NewGuid();
        var first = Xapi.Statement(email);
        first["id"] = given.ToString();
        var response = await lrs.PostAsync(new JsonArray(first, Xapi.Statement(email)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        ids.Count.ShouldBe(2);
        ((string?)ids[0]).ShouldBe(given.ToString());

        var other = Xapi.UniqueEmail();
        var bad = Xapi.Statement(other);
        bad["verb"] = new JsonObject { ["id"] = "not an iri" };
        await lrs.PostAsync(new JsonArray(Xapi.Statement(other), bad)).ShouldBeAsync(HttpStatusCode.BadRequest);
        (await lrs.QueryAsync("agent=" + Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + other }))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_with_the_same_id_twice_in_one_batch_is_400()
    {
        using var lrs = await ClientAsync();
        var id = Guid.NewGuid().ToString();
        var a = Xapi.Statement();
        a["id"] = id;
        var b = Xapi.Statement();
        b["id"] = id;
        await lrs.PostAsync(new JsonArray(a, b)).ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Voiding_hides_the_target_from_statementId_and_queries_but_voidedStatementId_returns_it()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var target = await lrs.StoreAsync(Xapi.Statement(email));
        var voiding = Xapi.Statement(email, verb: "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() };
        var voidingId = await lrs.StoreAsync(voiding);

        await lrs.GetAsync($"/xapi/statements?statementId={target}").ShouldBeAsync(HttpStatusCode.NotFound);
        var voided = await lrs.GetJsonAsync($"/xapi/statements?voidedStatementId={target}");
        ((string?)voided["id"]).ShouldBe(target.ToString());
        await lrs.GetAsync($"/xapi/statements?voidedStatementId={voidingId}").ShouldBeAsync(HttpStatusCode.NotFound);
        var list = await lrs.QueryAsync("agent=" + Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email }));
        list.Select(s => (string?)s["id"]).ShouldBe([voidingId.ToString()]);
    }

    [Fact]
    public async Task A_voiding_statement_cannot_be_voided_and_voiding_needs_a_StatementRef()
    {
        using var lrs = await ClientAsync();
        var target = await lrs.StoreAsync(Xapi.Statement());
        var voiding = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided");
        voiding["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target.ToString() };
        var voidingId = await lrs.StoreAsync(voiding);
        var again = Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided");
        again["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = voidingId.ToString() };
        await lrs.PostAsync(again).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync($"/xapi/statements?statementId={voidingId}").ShouldBeAsync(HttpStatusCode.OK);
        await lrs.PostAsync(Xapi.Statement(verb: "http://adlnet.gov/expapi/verbs/voided")).ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Query_filters_agent_verb_activity_registration_related_since_until_and_ascending()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var registration = Guid.NewGuid();
        var activity = "http://www.example.com/activities/" + Guid.NewGuid().ToString("N");
        var a = await lrs.StoreAsync(Xapi.Statement(email, activity: activity));
        var withContext = Xapi.Statement(email, verb: "http://adlnet.gov/expapi/verbs/attempted");
        withContext["context"] = new JsonObject
        {
            ["registration"] = registration.ToString(),
            ["instructor"] = new JsonObject { ["mbox"] = "mailto:teacher-" + email },
            ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = activity }) },
        };
        var b = await lrs.StoreAsync(withContext);
        var agent = Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email });
        var instructor = Xapi.Q(new JsonObject { ["mbox"] = "mailto:teacher-" + email });

        (await lrs.QueryAsync($"agent={agent}")).Select(s => (string?)s["id"]).ShouldBe([b.ToString(), a.ToString()]);
        (await lrs.QueryAsync($"agent={agent}&ascending=true")).Select(s => (string?)s["id"]).ShouldBe([a.ToString(), b.ToString()]);
        (await lrs.QueryAsync($"agent={agent}&verb={Uri.EscapeDataString("http://adlnet.gov/expapi/verbs/attempted")}")).Select(s => (string?)s["id"]).ShouldBe([b.ToString()]);
        (await lrs.QueryAsync($"activity={Uri.EscapeDataString(activity)}")).Select(s => (string?)s["id"]).ShouldBe([a.ToString()]);
        (await lrs.QueryAsync($"activity={Uri.EscapeDataString(activity)}&related_activities=true")).Count.ShouldBe(2);
        (await lrs.QueryAsync($"registration={registration}")).Select(s => (string?)s["id"]).ShouldBe([b.ToString()]);
        (await lrs.QueryAsync($"agent={instructor}")).ShouldBeEmpty();
        (await lrs.QueryAsync($"agent={instructor}&related_agents=true")).Select(s => (string?)s["id"]).ShouldBe([b.ToString()]);

        var stored = (string)(await lrs.GetJsonAsync($"/xapi/statements?statementId={a}"))["stored"]!;
        (await lrs.QueryAsync($"agent={agent}&since={Uri.EscapeDataString(stored)}")).Select(s => (string?)s["id"]).ShouldBe([b.ToString()]);
        (await lrs.QueryAsync($"agent={agent}&until={Uri.EscapeDataString(stored)}")).Select(s => (string?)s["id"]).ShouldBe([a.ToString()]);
    }

    [Fact]
    public async Task Limit_gives_a_more_link_that_continues_without_repeats_or_gaps()
    {
        using var lrs = await ClientAsync();
        var email = Xapi.UniqueEmail();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await lrs.StoreAsync(Xapi.Statement(email))).ToString());
        }
        var seen = new List<string>();
        var page = await lrs.GetJsonAsync($"/xapi/statements?limit=2&agent={Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email })}");
        while (true)
        {
            seen.AddRange(page["statements"]!.AsArray().Select(s => (string)s!["id"]!));
            var more = (string?)page["more"];
            if (string.IsNullOrEmpty(more)) { break; }
            await lrs.StoreAsync(Xapi.Statement(email)); // arrives meanwhile: not in this listing
            page = await lrs.GetJsonAsync(more);
        }
        seen.ShouldBe(Enumerable.Reverse(ids).ToList());
    }

    [Fact]
    public async Task Formats_ids_and_canonical_reduce_agents_activities_and_language_maps()
    {
        using var lrs = await ClientAsync();
        var s = Xapi.Statement();
        s["actor"]!["name"] = "Someone";
        s["verb"]!["display"] = new JsonObject { ["en-US"] = "experienced", ["zh-CN"] = "体验了" };
        s["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "Lesson", ["zh-CN"] = "课" } };
        var id = await lrs.StoreAsync(s);
        var ids = await lrs.GetJsonAsync($"/xapi/statements?statementId={id}&format=ids");
        ids["actor"]!["name"].ShouldBeNull();
        ids["verb"]!["display"].ShouldBeNull();
        ids["object"]!["definition"].ShouldBeNull();
        lrs.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var canonical = await lrs.GetJsonAsync($"/xapi/statements?statementId={id}&format=canonical");
        canonical["verb"]!["display"]!.AsObject().Select(p => p.Key).ShouldBe(["zh-CN"]);
        canonical["object"]!["definition"]!["name"]!.AsObject().Select(p => p.Key).ShouldBe(["zh-CN"]);
        await lrs.GetAsync($"/xapi/statements?statementId={id}&format=bogus").ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_with_statementId_and_another_filter_or_an_unknown_parameter_is_400()
    {
        using var lrs = await ClientAsync();
        var id = await lrs.StoreAsync(Xapi.Statement());
        await lrs.GetAsync($"/xapi/statements?statementId={id}&verb=http%3A%2F%2Fexample.com%2Fv").ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync($"/xapi/statements?statementId={id}&voidedStatementId={id}").ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync("/xapi/statements?foo=bar").ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync("/xapi/statements?statementId=not-a-uuid").ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync("/xapi/statements?since=yesterday").ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync("/xapi/statements?more=garbage").ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        using var lrs = await ClientAsync();
        var id = await lrs.StoreAsync(Xapi.Statement());
        using var head = await lrs.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/xapi/statements?statementId={id}"));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }
}
