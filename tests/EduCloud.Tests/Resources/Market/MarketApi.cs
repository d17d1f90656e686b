using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Resources.Market;

/// <summary>Test data for the market and OAI-PMH tests, made through the public API.</summary>
internal static class MarketApi
{
    /// <summary>A resource created by <paramref name="provider"/>, reviewed and published; returns (resource id, version id).</summary>
    public static async Task<(Guid Id, Guid VersionId)> PublishAsync(EduCloudFactory factory, HttpClient provider, string title, string kind = "Personalised",
        long priceCents = 0, int? licenceYears = null, string[]? path = null, HttpClient? reviewer = null, HttpClient? admin = null)
    {
        using var ownReviewer = reviewer is null ? await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000")) : null;
        using var ownAdmin = admin is null ? await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000")) : null;
        var node = await ResourceApi.NodeAsync(provider, path ?? ["高中", "物理", "人教版", "必修 第一册", "第一章 运动的描述"]);
        var upload = await ResourceApi.UploadedAsync(provider, "课件.pdf", ResourceApi.Pdf(title));
        var created = await provider.CreatedAsync("/api/v1/resources", new
        {
            kind, priceCents, licenceYears, regionCode = "520000", providerName = "黔课科技有限公司", submit = true,
            version = ResourceApi.Version(upload, node, title, "courseware"),
        });
        var version = ResourceApi.LatestVersionId(created);
        await ResourceApi.TakenAsync(reviewer ?? ownReviewer!, version, "StartFirstReview");
        await ResourceApi.TakenAsync(reviewer ?? ownReviewer!, version, "PassFirstReview");
        await ResourceApi.TakenAsync(admin ?? ownAdmin!, version, "Publish");
        return (created.GetProperty("id").GetGuid(), version);
    }

    public static async Task<HttpResponseMessage> AllocateAsync(HttpClient admin, Guid schoolId, long cents, int? year = null) =>
        await admin.PutAsJsonAsync("/api/v1/resources/budgets", new { schoolId, year, allocatedCents = cents, note = "年度资源采购经费" });

    public static async Task<HttpResponseMessage> BuyAsync(HttpClient schoolAdmin, Guid resourceId) =>
        await schoolAdmin.PostAsJsonAsync("/api/v1/resources/orders", new { resourceId });

    public static async Task<JsonElement> OrdersAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/v1/resources/orders");

    public static async Task<string> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body;
    }
}
