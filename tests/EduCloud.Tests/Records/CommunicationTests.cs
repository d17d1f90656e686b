using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Ported from the ADL LRS conformance suite: Communication 2.8 (About), 3.3 (Versioning), 4.0 (Authentication),
/// 1.5 (content types) and Data 2.4.11 / 2.5 (attachments in multipart/mixed).
/// </summary>
public sealed class CommunicationTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task About_lists_the_versions_without_authentication()
    {
        using var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/xapi/about");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var about = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        about["version"]!.AsArray().Select(v => (string?)v).ShouldContain("1.0.3");
        response.Headers.GetValues("X-Experience-API-Version").Single().ShouldBe("1.0.3");
    }

    [Fact]
    public async Task Requests_need_credentials_and_bad_credentials_are_401()
    {
        using var anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var response = await anonymous.GetAsync("/xapi/statements");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("lrs_nobody:wrong")));
        (await anonymous.GetAsync("/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoked_credentials_stop_working()
    {
        var issuer = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var lrs = await Xapi.LrsClientAsync(factory, issuer);
        (await lrs.GetAsync("/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The credentials open /xapi only, not the platform API as their issuer.
        (await lrs.GetAsync("/api/v1/records/clients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var api = await factory.ClientForAsync(issuer);
        var clients = JsonNode.Parse(await api.GetStringAsync("/api/v1/records/clients"))!.AsArray();
        (await api.DeleteAsync($"/api/v1/records/clients/{(string?)clients[0]!["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await lrs.GetAsync("/xapi/statements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_single_post_is_refused_at_once_after_the_revoke_and_with_a_wrong_secret()
    {
        // The single-statement path authenticates Basic without the full middleware (ADR 0035): same answers.
        var issuer = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var lrs = await Xapi.LrsClientAsync(factory, issuer);
        var email = Xapi.UniqueEmail();
        await lrs.StoreAsync(Xapi.Statement(email));
        var key = Encoding.UTF8.GetString(Convert.FromBase64String(lrs.DefaultRequestHeaders.Authorization!.Parameter!)).Split(':')[0];
        using var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":not-the-secret")));
        var refused = await wrong.PostAsync(Xapi.Statement(email));
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");

        using var api = await factory.ClientForAsync(issuer);
        var clients = JsonNode.Parse(await api.GetStringAsync("/api/v1/records/clients"))!.AsArray();
        (await api.DeleteAsync($"/api/v1/records/clients/{(string?)clients[0]!["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await lrs.PostAsync(Xapi.Statement(email))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var bearer = await Xapi.BearerClientAsync(factory, issuer);
        (await bearer.QueryAsync("agent=" + Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email }))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Version_header_is_required_and_only_1_0_x_is_accepted()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        lrs.DefaultRequestHeaders.Remove("X-Experience-API-Version");
        var missing = await lrs.GetAsync("/xapi/statements");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.Headers.GetValues("X-Experience-API-Version").Single().ShouldBe("1.0.3");
        foreach (var (version, status) in new[] { ("0.95", HttpStatusCode.BadRequest), ("1.1.0", HttpStatusCode.BadRequest), ("1.0", HttpStatusCode.OK), ("1.0.0", HttpStatusCode.OK), ("1.0.9", HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/xapi/statements");
            request.Headers.Add("X-Experience-API-Version", version);
            (await lrs.SendAsync(request)).StatusCode.ShouldBe(status, version);
        }
    }

    [Fact]
    public async Task A_platform_bearer_token_works_too_and_the_authority_is_the_person()
    {
        var teacher = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = await Xapi.BearerClientAsync(factory, teacher);
        var id = await client.StoreAsync(Xapi.Statement());
        var s = await client.GetJsonAsync($"/xapi/statements?statementId={id}");
        ((string?)s["authority"]!["account"]!["name"]).ShouldBe(teacher.Id.ToString());
        ((string?)s["authority"]!["account"]!["homePage"]).ShouldBe(Xapi.Home);
    }

    [Fact]
    public async Task Post_needs_json_or_multipart_and_valid_json()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        await lrs.PostAsync("/xapi/statements", new StringContent(Xapi.Statement().ToJsonString(), Encoding.UTF8, "text/plain")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.PostAsync("/xapi/statements", new StringContent("{not json", Encoding.UTF8, "application/json")).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.PostAsync("/xapi/statements", new StringContent("""{"actor":{"mbox":"mailto:a@example.com"},"actor":{"mbox":"mailto:b@example.com"},"verb":{"id":"http://example.com/v"},"object":{"id":"http://example.com/a"}}""", Encoding.UTF8, "application/json"))
            .ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Attachments_travel_in_multipart_mixed_with_their_sha2_and_come_back_with_attachments_true()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var content = Encoding.UTF8.GetBytes("这是一份作业的附件。");
        var sha2 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var statement = Xapi.Statement();
        statement["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = "http://id.tincanapi.com/attachment/supporting_media", ["display"] = new JsonObject { ["zh-CN"] = "附件" },
            ["contentType"] = "text/plain", ["length"] = content.Length, ["sha2"] = sha2,
        });

        // Without the part: 400.
        await lrs.PostAsync(statement).ShouldBeAsync(HttpStatusCode.BadRequest);
        // With a part whose content does not match its hash: 400.
        await lrs.PostAsync("/xapi/statements", Multipart(statement, Encoding.UTF8.GetBytes("tampered"), sha2)).ShouldBeAsync(HttpStatusCode.BadRequest);

        var response = await lrs.PostAsync("/xapi/statements", Multipart(statement, content, sha2));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!;

        var back = await lrs.GetAsync($"/xapi/statements?statementId={id}&attachments=true");
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        back.Content.Headers.ContentType!.MediaType.ShouldBe("multipart/mixed");
        var boundary = back.Content.Headers.ContentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, await back.Content.ReadAsStreamAsync());
        var json = await reader.ReadNextSectionAsync();
        json!.ContentType.ShouldBe("application/json");
        var part = await reader.ReadNextSectionAsync();
        part!.Headers!["X-Experience-API-Hash"].ToString().ShouldBe(sha2);
        using var bytes = new MemoryStream();
        await part.Body.CopyToAsync(bytes);
        bytes.ToArray().ShouldBe(content);
    }

    private static MultipartContent Multipart(JsonObject statement, byte[] content, string sha2)
    {
        var multipart = new MultipartContent("mixed");
        multipart.Add(new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json"));
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        part.Headers.Add("Content-Transfer-Encoding", "binary");
        part.Headers.Add("X-Experience-API-Hash", sha2);
        multipart.Add(part);
        return multipart;
    }
}

/// <summary>Ported from the ADL LRS conformance suite, Communication 1.3 (alternate request syntax).</summary>
public sealed class AlternateRequestSyntaxTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Post_with_method_put_and_the_headers_in_the_form_stores_and_method_get_queries()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var auth = lrs.DefaultRequestHeaders.Authorization!.ToString();
        using var bare = factory.CreateClient();
        var id = Guid.NewGuid();
        var put = await bare.PostAsync("/xapi/statements?method=PUT", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["statementId"] = id.ToString(),
            ["Authorization"] = auth,
            ["X-Experience-API-Version"] = "1.0.3",
            ["Content-Type"] = "application/json",
            ["content"] = Xapi.Statement().ToJsonString(),
        }));
        put.StatusCode.ShouldBe(HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());

        var get = await bare.PostAsync("/xapi/statements?method=GET", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["statementId"] = id.ToString(),
            ["Authorization"] = auth,
            ["X-Experience-API-Version"] = "1.0.3",
        }));
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        ((string?)JsonNode.Parse(await get.Content.ReadAsStringAsync())!["id"]).ShouldBe(id.ToString());

        (await bare.PostAsync("/xapi/statements?method=PUT&statementId=" + id, new FormUrlEncodedContent(new Dictionary<string, string> { ["Authorization"] = auth })))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
