using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Resources;

public sealed class DownloadTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<(Guid ResourceId, byte[] Bytes)> PublishedAsync(HttpClient provider, string kind, long price, string fileName, byte[] bytes)
    {
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var node = await ResourceApi.NodeAsync(provider, "高中", "物理", "人教版", "必修 第一册", "第一章 运动的描述");
        var created = await ResourceApi.CreateAsync(provider, ResourceApi.Version(await ResourceApi.UploadedAsync(provider, fileName, bytes), node, "质点与参考系 课堂实录", "media"),
            kind, price, "520000");
        var version = ResourceApi.LatestVersionId(created);
        await ResourceApi.TakenAsync(reviewer, version, "StartFirstReview");
        await ResourceApi.TakenAsync(reviewer, version, "PassFirstReview");
        await ResourceApi.TakenAsync(admin, version, "Publish");
        return (created.GetProperty("id").GetGuid(), bytes);
    }

    private static byte[] Mp4(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        "\0\0\0\u0018ftypisom"u8.ToArray().CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task A_video_is_served_with_range_requests_so_it_can_seek()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (id, bytes) = await PublishedAsync(provider, "Basic", 0, "实录.mp4", Mp4(300_000));
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;

        var whole = await teacher.GetAsync($"/api/v1/resources/{id}/file");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        whole.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        whole.Headers.AcceptRanges.ShouldContain("bytes");
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/resources/{id}/file");
        request.Headers.Range = new RangeHeaderValue(200_000, 200_099);
        var part = await teacher.SendAsync(request);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 200000-200099/300000");
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[200_000..200_100]);

        var tail = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/resources/{id}/file");
        tail.Headers.Range = new RangeHeaderValue(null, 10);
        (await (await teacher.SendAsync(tail)).Content.ReadAsByteArrayAsync()).ShouldBe(bytes[^10..]);
    }

    [Fact]
    public async Task A_priced_resource_is_refused_without_an_entitlement_even_by_its_exact_url_and_served_with_one()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (id, bytes) = await PublishedAsync(provider, "Personalised", 9_900, "精品课.pdf", ResourceApi.Pdf("付费"));
        var (teacher, _, schoolId, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;

        // The metadata is public; the file is not.
        (await teacher.GetAsync($"/api/v1/resources/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var detail = await provider.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/resources/{id}");
        var versionId = detail.GetProperty("versions")[0].GetProperty("id").GetGuid();
        (await teacher.GetAsync($"/api/v1/resources/{id}/file?versionId={versionId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The provider itself may always fetch its own file.
        (await (await provider.GetAsync($"/api/v1/resources/{id}/file")).Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        // The school buys a licence (the orders come later: the entitlement row is what they will write).
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<ResourcesDbContext>();
            db.Entitlements.Add(new Entitlement { ResourceId = id, SchoolId = schoolId, GrantedAt = DateTime.UtcNow, Source = "test order" });
            return await db.SaveChangesAsync();
        });
        var allowed = await teacher.GetAsync($"/api/v1/resources/{id}/file");
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await allowed.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        // A teacher of another school still may not.
        var (other, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _o = other;
        (await other.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unpublished_file_is_not_served_to_others()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var node = await ResourceApi.NodeAsync(provider, "小学", "数学", "人教版", "一年级下册");
        var created = await ResourceApi.CreateAsync(provider, ResourceApi.Version(await ResourceApi.UploadedAsync(provider, "草稿.pdf", ResourceApi.Pdf("草稿")), node), regionCode: "520000");
        var id = created.GetProperty("id").GetGuid();
        var version = ResourceApi.LatestVersionId(created);
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        (await teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync($"/api/v1/resources/{id}/file?versionId={version}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The reviewer of the node may read it to review it.
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        (await reviewer.GetAsync($"/api/v1/resources/{id}/file?versionId={version}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
