using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Resources.Discovery;

/// <summary>Publishes resources through the real workflow and asks the search API, for the discovery tests.</summary>
internal static class DiscoveryApi
{
    /// <summary>Uploads, creates and publishes (first review by a reviewer, publication by a province admin) a resource.</summary>
    public static async Task<Guid> PublishAsync(EduCloudFactory factory, HttpClient uploader, string[] path, string title, string type = "courseware",
        string fileName = "课件.pdf", byte[]? bytes = null, string kind = "Basic", long price = 0, string? region = "520000", string description = "")
    {
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var node = await ResourceApi.NodeAsync(uploader, path);
        var upload = await ResourceApi.UploadedAsync(uploader, fileName, bytes ?? ResourceApi.Pdf(title));
        var created = await ResourceApi.CreateAsync(uploader, new
        {
            title, description, tags = Array.Empty<string>(), knowledgePoints = Array.Empty<string>(), typeCode = type, languageCode = "zh",
            licenceCode = "platform", catalogueNodeId = node, uploadId = upload,
        }, kind, price, region);
        var version = ResourceApi.LatestVersionId(created);
        await ResourceApi.TakenAsync(reviewer, version, "StartFirstReview");
        await ResourceApi.TakenAsync(reviewer, version, "PassFirstReview");
        await ResourceApi.TakenAsync(admin, version, "Publish");
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/resources/search?" + query);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static List<string> Titles(JsonElement result) => result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToList();

    public static List<Guid> Ids(JsonElement result) => result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();

    public static long Facet(JsonElement result, string facet, string code) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray().Where(f => f.GetProperty("code").GetString() == code).Select(f => f.GetProperty("count").GetInt64()).SingleOrDefault();

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static Task<HttpResponseMessage> RateAsync(HttpClient client, Guid id, int stars) => client.PutAsJsonAsync($"/api/v1/resources/{id}/rating", new { stars });
}
