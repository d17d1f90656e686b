using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Resources;

/// <summary>Builds resource test data through the public API: uploads, resources, review steps.</summary>
internal static class ResourceApi
{
    public static byte[] Pdf(string text = "教案") => System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% " + text + " " + Guid.NewGuid() + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, string fileName, long size, string sha) =>
        await client.PostAsJsonAsync("/api/v1/resources/uploads", new { fileName, totalBytes = size, sha256 = sha });

    public static async Task<HttpResponseMessage> ChunkAsync(HttpClient client, Guid uploadId, long offset, byte[] chunk)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/resources/uploads/{uploadId}") { Content = new ByteArrayContent(chunk) };
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await client.SendAsync(request);
    }

    /// <summary>Uploads a whole file in chunks and completes it; returns the completion response.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes, int chunk = 1024)
    {
        var start = await StartAsync(client, fileName, bytes.Length, Sha(bytes));
        start.StatusCode.ShouldBe(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var id = (await start.JsonAsync()).GetProperty("id").GetGuid();
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            var response = await ChunkAsync(client, id, offset, bytes[offset..Math.Min(bytes.Length, offset + chunk)]);
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }
        return await client.PostAsync($"/api/v1/resources/uploads/{id}/complete", null);
    }

    public static async Task<Guid> UploadedAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var done = await UploadAsync(client, fileName, bytes);
        var json = await done.JsonAsync();
        done.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> NodeAsync(HttpClient client, params string[] names)
    {
        Guid? parent = null;
        foreach (var name in names)
        {
            var children = await client.GetFromJsonAsync<JsonElement>("/api/v1/resources/catalogue" + (parent is null ? "" : $"?parentId={parent}"));
            parent = children.EnumerateArray().First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
        }
        return parent!.Value;
    }

    public static object Version(Guid uploadId, Guid nodeId, string title = "《春》教学设计", string type = "design") => new
    {
        title,
        description = "朱自清《春》第一课时的教学设计，含朗读指导。",
        tags = new[] { "朗读", "写景散文" },
        knowledgePoints = new[] { "比喻", "拟人" },
        typeCode = type,
        languageCode = "zh",
        licenceCode = "platform",
        catalogueNodeId = nodeId,
        uploadId,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, object version, string kind = "Basic", long priceCents = 0, string? regionCode = null, bool submit = true) =>
        await client.CreatedAsync("/api/v1/resources", new { kind, priceCents, regionCode, providerName = (string?)null, version, submit });

    public static async Task<HttpResponseMessage> TakeAsync(HttpClient client, Guid versionId, string trigger, string? comment = null) =>
        await client.PostAsJsonAsync($"/api/v1/resources/versions/{versionId}/{trigger}", new { comment });

    public static async Task<JsonElement> TakenAsync(HttpClient client, Guid versionId, string trigger, string? comment = null)
    {
        var response = await TakeAsync(client, versionId, trigger, comment);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>A teacher at a fresh school in 南明区 (520102) with a client, and the county's school id.</summary>
    public static async Task<(HttpClient Client, TestUser User, Guid SchoolId, Guid ClassId)> TeacherAsync(EduCloudFactory factory, string county = "520102")
    {
        var countyAdmin = await factory.CreateUserAsync("CountyAdmin", county);
        using var countyClient = await factory.ClientForAsync(countyAdmin);
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, countyClient, county);
        var teacher = await factory.CreateUserAsync("Teacher", classId: classId);
        return (await factory.ClientForAsync(teacher), teacher, schoolId, classId);
    }

    public static Guid LatestVersionId(JsonElement resource) => resource.GetProperty("versions")[0].GetProperty("id").GetGuid();
}
