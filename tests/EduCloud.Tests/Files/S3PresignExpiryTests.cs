using System.Globalization;
using System.Net;
using EduCloud.Kernel.Files;

namespace EduCloud.Tests.Files;

/// <summary>
/// A presigned download link stops working when its lifetime (Files:S3:PresignSeconds) is over. s3rver refuses an
/// expired SigV4 query link ("Request has expired", from X-Amz-Date + X-Amz-Expires) as S3 does, so this is checked
/// against the real server. A FORGED link is not tested: s3rver 3.7.1 does not compute SigV4 signatures (it accepts
/// any signature for a known access key), and no S3 server that does can be installed here (docs/benchmarks.md,
/// section `searchfast`).
/// </summary>
public sealed class S3PresignExpiryTests(S3Server s3) : IClassFixture<S3Server>
{
    [Fact]
    public async Task A_presigned_link_serves_the_blob_until_it_expires_and_is_refused_after()
    {
        var options = s3.Options("expiry/");
        options.PresignDownloads = true;
        options.PresignSeconds = 2;
        using var store = new S3BlobStore(options);
        var (sha, path, bytes) = S3Server.LocalFile(10_000, 3);
        await store.PutAsync(sha, path, default);
        using var bucket = new HttpClient();

        var link = (await store.PresignReadAsync(sha, "application/pdf", null, default)).ShouldNotBeNull();
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var signedAt = DateTime.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var lifetime = int.Parse(query["X-Amz-Expires"]!, CultureInfo.InvariantCulture);
        lifetime.ShouldBeInRange(2, 3, "Files:S3:PresignSeconds = 2 (the SDK may round up)");

        var fresh = await bucket.GetAsync(link);
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fresh.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);

        var wait = signedAt.AddSeconds(lifetime + 1.5) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var expired = await bucket.GetAsync(link);
        expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = await expired.Content.ReadAsStringAsync();
        body.ShouldContain("AccessDenied");
        body.ShouldContain("Request has expired");

        // A new link for the same blob works again: the refusal is the link's age, not the object.
        var again = await bucket.GetAsync((await store.PresignReadAsync(sha, "application/pdf", null, default)).ShouldNotBeNull());
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
