using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// An xAPI client over real HTTP, as an outside tool uses the LRS: HTTP Basic with credentials a person issued
/// through /api/v1/records/clients, and the X-Experience-API-Version header on every request.
/// </summary>
internal static class Xapi
{
    public const string Home = "https://www.educloud.cn";

    public static async Task<HttpClient> LrsClientAsync(EduCloudFactory factory, TestUser issuer)
    {
        using var api = await factory.ClientForAsync(issuer);
        var response = await api.PostAsJsonAsync("/api/v1/records/clients", new { name = "测试学习工具" });
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, issued.ToString());
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(issued.GetProperty("key").GetString() + ":" + issued.GetProperty("secret").GetString())));
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        return client;
    }

    public static async Task<HttpClient> BearerClientAsync(EduCloudFactory factory, TestUser user)
    {
        var client = await factory.ClientForAsync(user);
        client.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        return client;
    }

    public static JsonObject Statement(string? email = null, string verb = "http://adlnet.gov/expapi/verbs/experienced", string activity = "http://www.example.com/activities/1") => new()
    {
        ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "xAPI mbox", ["mbox"] = "mailto:" + (email ?? "learner@example.com") },
        ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = "experienced" } },
        ["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = activity },
    };

    /// <summary>A statement about one of our accounts (actor.account.homePage = our home page).</summary>
    public static JsonObject StatementAbout(Guid accountId, string activity = "http://www.example.com/activities/1")
    {
        var s = Statement(activity: activity);
        s["actor"] = new JsonObject { ["objectType"] = "Agent", ["account"] = new JsonObject { ["homePage"] = Home, ["name"] = accountId.ToString() } };
        return s;
    }

    public static string UniqueEmail() => $"u{Guid.NewGuid():N}@example.com";

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonNode body) => client.PostAsync("/xapi/statements", Json(body));

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, Guid id, JsonNode body) => client.PutAsync($"/xapi/statements?statementId={id}", Json(body));

    public static async Task<Guid> StoreAsync(this HttpClient client, JsonNode body)
    {
        var response = await client.PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return Guid.Parse(JsonNode.Parse(text)![0]!.GetValue<string>());
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expect, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<List<JsonObject>> QueryAsync(this HttpClient client, string query)
    {
        var result = await client.GetJsonAsync("/xapi/statements?" + query);
        return result["statements"]!.AsArray().Select(s => s!.AsObject()).ToList();
    }

    public static async Task ShouldBeAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
    }

    public static string Q(JsonNode agent) => Uri.EscapeDataString(agent.ToJsonString());
}
