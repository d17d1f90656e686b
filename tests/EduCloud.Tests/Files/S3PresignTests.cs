using System.Net;
using System.Net.Http.Headers;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Resources;
using EduCloud.Tests.Resources.Market;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EduCloud.Tests.Files;

/// <summary>
/// Files:S3:PresignDownloads: a published file is a 302 to a short-lived presigned GET on the real s3rver, made only
/// after the entitlement check (a teacher without a licence still gets 403 and no link); the link serves the bytes,
/// ranges included, with the file's type. (s3rver does not check presigned signatures, so a forged link is not tested.)
/// </summary>
public sealed class S3PresignTests(S3Server s3) : IClassFixture<S3Server>, IAsyncLifetime
{
    private readonly EduCloudFactory factory = new();

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in s3.HostSettings("presign/"))
        {
            factory.Settings[key] = value;
        }
        factory.Settings["Files:S3:PresignDownloads"] = "true";
        factory.Settings["Files:S3:PresignSeconds"] = "120";
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)factory).DisposeAsync();

    /// <summary>The caller's token on a client that shows redirects instead of following them.</summary>
    private async Task<HttpClient> NotFollowingAsync(TestUser user)
    {
        using var signedIn = await factory.ClientForAsync(user);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    [Fact]
    public async Task A_published_file_redirects_to_a_short_lived_link_only_after_the_entitlement_check()
    {
        var providerUser = await factory.CreateUserAsync("ResourceProvider");
        using var provider = await factory.ClientForAsync(providerUser);
        var (basic, basicVersion) = await MarketApi.PublishAsync(factory, provider, "力的合成 课件", kind: "Basic", priceCents: 0);
        var (priced, _) = await MarketApi.PublishAsync(factory, provider, "牛顿第一定律 精品课件", priceCents: 12_345, licenceYears: 1);
        var (_, teacherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        using var teacher = await NotFollowingAsync(teacherUser);
        using var bucket = new HttpClient();

        // No licence: refused here, and no link is handed out.
        var refused = await teacher.GetAsync($"/api/v1/resources/{priced}/file");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.Location.ShouldBeNull();

        var redirect = await teacher.GetAsync($"/api/v1/resources/{basic}/file?download=true");
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = redirect.Headers.Location.ShouldNotBeNull();
        link.GetLeftPart(UriPartial.Authority).ShouldBe(s3.Endpoint);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        int.Parse(query["X-Amz-Expires"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(119, 121, "Files:S3:PresignSeconds = 120 (the SDK rounds up)");
        query["X-Amz-Signature"].ShouldNotBeNullOrEmpty();

        var whole = await bucket.GetAsync(link);
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        whole.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        whole.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        bytes[..5].ShouldBe("%PDF-"u8.ToArray());

        var seek = new HttpRequestMessage(HttpMethod.Get, link);
        seek.Headers.Range = new RangeHeaderValue(3, 9);
        var part = await bucket.SendAsync(seek);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[3..10]);

        // (s3rver does not verify presigned signatures, so a forged link is not tested here: S3 refuses one.)

        // A workflow read of a given version stays on the endpoint (the link is for published files only).
        using var owner = await NotFollowingAsync(providerUser);
        var proxied = await owner.GetAsync($"/api/v1/resources/{basic}/file?versionId={basicVersion}");
        proxied.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await proxied.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
    }
}
