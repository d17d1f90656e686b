using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Ported from the ADL LRS conformance suite: Communication 2.2-2.7 (document resources: State, Activity Profile,
/// Agent Profile, Activities, Agents) and 3.1 (concurrency: ETag, If-Match, If-None-Match, 409/412).
/// </summary>
public sealed class DocumentResourceTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<HttpClient> ClientAsync() => await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));

    private static string Agent(string email) => Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email });

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task State_put_get_post_merges_ids_since_and_delete()
    {
        using var lrs = await ClientAsync();
        var registration = Guid.NewGuid();
        var baseUrl = $"/xapi/activities/state?activityId={Uri.EscapeDataString("http://www.example.com/act")}&agent={Agent(Xapi.UniqueEmail())}&registration={registration}";

        await lrs.PutAsync(baseUrl + "&stateId=bookmark", Body("""{"page":1,"keep":true}""")).ShouldBeAsync(HttpStatusCode.NoContent);
        var got = await lrs.GetAsync(baseUrl + "&stateId=bookmark");
        got.StatusCode.ShouldBe(HttpStatusCode.OK);
        got.Headers.ETag.ShouldNotBeNull();
        got.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");

        await lrs.PostAsync(baseUrl + "&stateId=bookmark", Body("""{"page":2}""")).ShouldBeAsync(HttpStatusCode.NoContent);
        var merged = JsonNode.Parse(await lrs.GetStringAsync(baseUrl + "&stateId=bookmark"))!;
        ((int)merged["page"]!).ShouldBe(2);
        ((bool)merged["keep"]!).ShouldBeTrue();

        var before = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        await lrs.PutAsync(baseUrl + "&stateId=other", new ByteArrayContent([1, 2, 3])).ShouldBeAsync(HttpStatusCode.NoContent);
        JsonNode.Parse(await lrs.GetStringAsync(baseUrl))!.AsArray().Select(x => (string?)x).ShouldBe(["bookmark", "other"]);
        var future = DateTime.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        JsonNode.Parse(await lrs.GetStringAsync(baseUrl + "&since=" + Uri.EscapeDataString(future)))!.AsArray().Count.ShouldBe(0);
        JsonNode.Parse(await lrs.GetStringAsync(baseUrl + "&since=" + Uri.EscapeDataString(before)))!.AsArray().Count.ShouldBeGreaterThan(0);

        // POST of JSON onto a stored binary document cannot merge.
        await lrs.PostAsync(baseUrl + "&stateId=other", Body("""{"a":1}""")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.DeleteAsync(baseUrl + "&stateId=bookmark").ShouldBeAsync(HttpStatusCode.NoContent);
        await lrs.GetAsync(baseUrl + "&stateId=bookmark").ShouldBeAsync(HttpStatusCode.NotFound);
        await lrs.DeleteAsync(baseUrl).ShouldBeAsync(HttpStatusCode.NoContent);
        JsonNode.Parse(await lrs.GetStringAsync(baseUrl))!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task State_parameters_are_checked()
    {
        using var lrs = await ClientAsync();
        var agent = Agent(Xapi.UniqueEmail());
        await lrs.PutAsync($"/xapi/activities/state?agent={agent}&stateId=s", Body("{}")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.PutAsync($"/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&stateId=s", Body("{}")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.PutAsync($"/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&agent={Xapi.Q(new JsonObject { ["name"] = "x" })}&stateId=s", Body("{}")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.PutAsync($"/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&agent={agent}&registration=nope&stateId=s", Body("{}")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.PutAsync($"/xapi/activities/state?activityId=http%3A%2F%2Fexample.com%2Fa&agent={agent}", Body("{}")).ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("activities/profile")]
    [InlineData("agents/profile")]
    public async Task Profiles_follow_the_concurrency_rules(string resource)
    {
        using var lrs = await ClientAsync();
        var address = resource == "agents/profile"
            ? $"/xapi/agents/profile?agent={Agent(Xapi.UniqueEmail())}"
            : $"/xapi/activities/profile?activityId={Uri.EscapeDataString("http://www.example.com/act/" + Guid.NewGuid().ToString("N"))}";
        var url = address + "&profileId=prefs";

        await lrs.PutAsync(url, Body("""{"v":1}""")).ShouldBeAsync(HttpStatusCode.NoContent);
        var first = await lrs.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;

        // An existing document: PUT without If-Match / If-None-Match is 409.
        await lrs.PutAsync(url, Body("""{"v":2}""")).ShouldBeAsync(HttpStatusCode.Conflict);
        // If-None-Match: * when it exists is 412.
        using (var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("""{"v":2}""") })
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
            (await lrs.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        // A stale If-Match is 412, the current one succeeds and changes the ETag.
        using (var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("""{"v":2}""") })
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000000000000000000000000000000000000000\""));
            (await lrs.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("""{"v":3}""") })
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            (await lrs.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
        var second = await lrs.GetAsync(url);
        second.Headers.ETag!.Tag.ShouldNotBe(etag);
        ((int)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["v"]!).ShouldBe(3);
        // The ETag is the SHA-1 of the content, as xAPI clients compute it.
#pragma warning disable CA5350
        second.Headers.ETag.Tag.Trim('"').ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("""{"v":3}"""))));
#pragma warning restore CA5350

        JsonNode.Parse(await lrs.GetStringAsync(address))!.AsArray().Select(x => (string?)x).ShouldBe(["prefs"]);
        using (var request = new HttpRequestMessage(HttpMethod.Delete, url))
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            (await lrs.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        await lrs.DeleteAsync(url).ShouldBeAsync(HttpStatusCode.NoContent);
        await lrs.GetAsync(url).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task State_honours_If_Match_with_412()
    {
        using var lrs = await ClientAsync();
        var url = $"/xapi/activities/state?activityId={Uri.EscapeDataString("http://www.example.com/act")}&agent={Agent(Xapi.UniqueEmail())}&stateId=s";
        await lrs.PutAsync(url, Body("""{"a":1}""")).ShouldBeAsync(HttpStatusCode.NoContent);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("""{"a":2}""") };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"stale\""));
        (await lrs.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        // Without a header, State (unlike profiles) may be overwritten.
        await lrs.PutAsync(url, Body("""{"a":3}""")).ShouldBeAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Activities_returns_the_latest_definition_and_agents_returns_a_person()
    {
        using var lrs = await ClientAsync();
        var activity = "http://www.example.com/act/" + Guid.NewGuid().ToString("N");
        var s = Xapi.Statement(activity: activity);
        s["object"]!["definition"] = new JsonObject { ["name"] = new JsonObject { ["zh-CN"] = "第一课" } };
        await lrs.StoreAsync(s);
        var got = await lrs.GetJsonAsync($"/xapi/activities?activityId={Uri.EscapeDataString(activity)}");
        ((string?)got["id"]).ShouldBe(activity);
        ((string?)got["definition"]!["name"]!["zh-CN"]).ShouldBe("第一课");
        await lrs.GetAsync("/xapi/activities").ShouldBeAsync(HttpStatusCode.BadRequest);

        var person = await lrs.GetJsonAsync($"/xapi/agents?agent={Xapi.Q(new JsonObject { ["name"] = "Li", ["mbox"] = "mailto:li@example.com" })}");
        ((string?)person["objectType"]).ShouldBe("Person");
        ((string?)person["mbox"]![0]).ShouldBe("mailto:li@example.com");
        ((string?)person["name"]![0]).ShouldBe("Li");
        await lrs.GetAsync($"/xapi/agents?agent={Xapi.Q(new JsonObject { ["name"] = "no ifi" })}").ShouldBeAsync(HttpStatusCode.BadRequest);
    }
}
