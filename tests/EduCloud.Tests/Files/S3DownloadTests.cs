using System.Net;
using System.Net.Http.Headers;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Files;

/// <summary>The whole server on an S3-compatible bucket (Files:Store = S3): a resource is uploaded, reviewed,
/// published and streamed with range requests, and its bytes live in the bucket, not in the blob directory.</summary>
public sealed class S3DownloadTests(S3Server s3) : IClassFixture<S3Server>, IAsyncLifetime
{
    private readonly EduCloudFactory factory = new();

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in s3.HostSettings("server/"))
        {
            factory.Settings[key] = value;
        }
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)factory).DisposeAsync();

    [Fact]
    public async Task A_published_video_is_stored_in_the_bucket_and_served_with_ranges()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var bytes = new byte[600_000];
        new Random(11).NextBytes(bytes);
        "\0\0\0\u0018ftypisom"u8.ToArray().CopyTo(bytes, 0);
        var sha = ResourceApi.Sha(bytes);

        var node = await ResourceApi.NodeAsync(provider, "高中", "物理", "人教版", "必修 第一册", "第一章 运动的描述");
        var upload = await ResourceApi.UploadedAsync(provider, "实录.mp4", bytes);
        var created = await ResourceApi.CreateAsync(provider, ResourceApi.Version(upload, node, "质点与参考系 课堂实录", "media"), "Basic", 0, "520000");
        var version = ResourceApi.LatestVersionId(created);
        await ResourceApi.TakenAsync(reviewer, version, "StartFirstReview");
        await ResourceApi.TakenAsync(reviewer, version, "PassFirstReview");
        await ResourceApi.TakenAsync(admin, version, "Publish");
        var id = created.GetProperty("id").GetGuid();

        using (var client = s3.Client())
        {
            (await client.GetObjectMetadataAsync(s3.Bucket, $"server/{sha[..2]}/{sha}")).ContentLength.ShouldBe(bytes.Length);
        }
        var dataDirectory = factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["DataDirectory"]!;
        Directory.Exists(Path.Combine(dataDirectory, "blobs")).ShouldBeFalse("with Files:Store = S3 nothing is kept in the local blob directory");

        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var whole = await teacher.GetAsync($"/api/v1/resources/{id}/file");
        whole.StatusCode.ShouldBe(HttpStatusCode.OK);
        whole.Headers.AcceptRanges.ShouldContain("bytes");
        (await whole.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        var seek = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/resources/{id}/file");
        seek.Headers.Range = new RangeHeaderValue(450_000, 450_099);
        var part = await teacher.SendAsync(seek);
        part.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        part.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 450000-450099/600000");
        (await part.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[450_000..450_100]);

        var open = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/resources/{id}/file");
        open.Headers.Range = new RangeHeaderValue(100_000, null);
        var rest = await teacher.SendAsync(open);
        rest.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await rest.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[100_000..]);
    }
}
