using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using EduCloud.Kernel.Files;

namespace EduCloud.Tests.Files;

/// <summary>
/// Large blobs go to the bucket as multipart uploads against the real s3rver: parts of Files:S3:PartBytes straight
/// from the file, and a failure part-way aborts the upload so no parts stay behind and no object appears.
/// </summary>
public sealed class S3MultipartTests(S3Server s3) : IClassFixture<S3Server>
{
    private const int Mib = 1024 * 1024;

    [Fact]
    public async Task A_file_over_the_part_size_goes_up_in_parts_and_reads_back_whole()
    {
        using var client = new WatchedClient(s3);
        using var store = new S3BlobStore(s3.Options("parts/"), client);
        var (sha, path, bytes) = S3Server.LocalFile(20 * Mib + 123, 5);

        await store.PutAsync(sha, path, default);

        client.PartSizes.ShouldBe([8L * Mib, 8L * Mib, 4L * Mib + 123]);
        File.Exists(path).ShouldBeFalse();
        s3.UnfinishedUploads().ShouldBeEmpty();
        await using var read = (await store.OpenReadAsync(sha, default)).ShouldNotBeNull();
        read.Length.ShouldBe(bytes.Length);
        Convert.ToHexStringLower(await SHA256.HashDataAsync(read)).ShouldBe(sha);
    }

    [Fact]
    public async Task A_file_within_one_part_is_one_put()
    {
        using var client = new WatchedClient(s3);
        using var store = new S3BlobStore(s3.Options("single/"), client);
        var (sha, path, _) = S3Server.LocalFile(8 * Mib, 6);
        await store.PutAsync(sha, path, default);
        client.PartSizes.ShouldBeEmpty();
        (await store.ExistsAsync(sha, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failure_part_way_aborts_the_upload_and_leaves_no_parts_or_object()
    {
        using var client = new WatchedClient(s3) { FailAtPart = 2 };
        using var store = new S3BlobStore(s3.Options("failed/"), client);
        var (sha, path, _) = S3Server.LocalFile(17 * Mib, 7);

        await Should.ThrowAsync<AmazonS3Exception>(() => store.PutAsync(sha, path, default));

        client.PartSizes.Count.ShouldBe(1, "the first part reached the server before the second failed");
        client.Aborted.ShouldBe(1);
        s3.UnfinishedUploads().ShouldBeEmpty();
        (await store.ExistsAsync(sha, default)).ShouldBeFalse();
        File.Exists(path).ShouldBeTrue("the verified local file stays for the caller to retry or discard");
        File.Delete(path);
    }

    [Fact]
    public void A_part_size_below_S3s_minimum_stops_the_start()
    {
        var options = s3.Options();
        options.PartBytes = 4 * Mib;
        Should.Throw<InvalidOperationException>(() => new S3BlobStore(options)).Message.ShouldContain("Files:S3:PartBytes");
    }

    /// <summary>
    /// The SDK's own client on the real server, noting each part it sends and each abort; with FailAtPart it fails
    /// that part as a server would (500), after the earlier parts were really stored.
    /// </summary>
    private sealed class WatchedClient(S3Server s3) : AmazonS3Client(new BasicAWSCredentials(S3Server.AccessKey, S3Server.SecretKey), new AmazonS3Config
    {
        ServiceURL = s3.Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    })
    {
        public int? FailAtPart { get; init; }
        public List<long> PartSizes { get; } = [];
        public int Aborted { get; private set; }

        public override async Task<UploadPartResponse> UploadPartAsync(UploadPartRequest request, CancellationToken cancellationToken = default)
        {
            if (request.PartNumber == FailAtPart)
            {
                throw new AmazonS3Exception("injected part failure") { StatusCode = System.Net.HttpStatusCode.InternalServerError };
            }
            var response = await base.UploadPartAsync(request, cancellationToken);
            PartSizes.Add(request.PartSize ?? 0);
            return response;
        }

        public override async Task<AbortMultipartUploadResponse> AbortMultipartUploadAsync(AbortMultipartUploadRequest request, CancellationToken cancellationToken = default)
        {
            Aborted++;
            return await base.AbortMultipartUploadAsync(request, cancellationToken);
        }
    }
}
