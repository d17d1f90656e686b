using EduCloud.Kernel.Files;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Tests.Files;

/// <summary>The S3 blob store against a real S3-compatible server (s3rver): the four calls and ranged, seekable reads.</summary>
public sealed class S3BlobStoreTests(S3Server s3) : IClassFixture<S3Server>
{
    [Fact]
    public async Task A_blob_is_put_under_its_hash_read_back_whole_and_deleted()
    {
        using var store = new S3BlobStore(s3.Options("whole/"));
        var (sha, path, bytes) = S3Server.LocalFile(70_000, 1);
        (await store.ExistsAsync(sha, default)).ShouldBeFalse();
        (await store.OpenReadAsync(sha, default)).ShouldBeNull();

        await store.PutAsync(sha, path, default);
        File.Exists(path).ShouldBeFalse("the verified local copy is removed once the bucket holds it");
        (await store.ExistsAsync(sha, default)).ShouldBeTrue();
        using (var client = s3.Client())
        {
            var head = await client.GetObjectMetadataAsync(s3.Bucket, $"whole/{sha[..2]}/{sha}");
            head.ContentLength.ShouldBe(bytes.Length);
        }
        await using (var read = (await store.OpenReadAsync(sha, default)).ShouldNotBeNull())
        {
            read.CanSeek.ShouldBeTrue();
            read.Length.ShouldBe(bytes.Length);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            copy.ToArray().ShouldBe(bytes);
        }

        await store.DeleteAsync(sha, default);
        (await store.ExistsAsync(sha, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Putting_the_same_content_twice_keeps_one_object_and_drops_the_second_copy()
    {
        using var store = new S3BlobStore(s3.Options("dedup/"));
        var (sha, first, bytes) = S3Server.LocalFile(5_000, 2);
        await store.PutAsync(sha, first, default);
        var second = Path.Combine(Path.GetTempPath(), "educloud-s3-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(second, bytes);
        await store.PutAsync(sha, second, default);
        File.Exists(second).ShouldBeFalse();
        using var client = s3.Client();
        var listed = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = s3.Bucket, Prefix = "dedup/" });
        listed.S3Objects.Select(o => o.Key).ShouldBe([$"dedup/{sha[..2]}/{sha}"]);
    }

    [Fact]
    public async Task A_read_seeks_anywhere_and_reads_across_its_range_windows()
    {
        using var store = new S3BlobStore(s3.Options("seek/"));
        // Larger than the first windows (256 KiB, 512 KiB, 1 MiB ...), so a long read spans several ranged GETs.
        var (sha, path, bytes) = S3Server.LocalFile(3 * 1024 * 1024 + 17, 3);
        await store.PutAsync(sha, path, default);
        await using var read = (await store.OpenReadAsync(sha, default)).ShouldNotBeNull();

        read.Seek(2_000_000, SeekOrigin.Begin);
        var middle = new byte[100];
        await read.ReadExactlyAsync(middle);
        middle.ShouldBe(bytes[2_000_000..2_000_100]);

        read.Seek(-10, SeekOrigin.End);
        var tail = new byte[10];
        await read.ReadExactlyAsync(tail);
        tail.ShouldBe(bytes[^10..]);
        (await read.ReadAsync(new byte[1])).ShouldBe(0);

        read.Position = 0;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, 81920);
        copy.ToArray().ShouldBe(bytes);
        // The synchronous path reads the same bytes (Office previews and older callers use it).
        read.Position = 1_000;
        var sync = new byte[300_000];
        read.ReadExactly(sync);
        sync.ShouldBe(bytes[1_000..301_000]);
    }

    [Fact]
    public void Only_a_sha256_names_a_blob()
    {
        using var store = new S3BlobStore(s3.Options());
        Should.Throw<ArgumentException>(() => store.OpenRead("../../etc/passwd"));
        Should.Throw<ArgumentException>(() => store.OpenRead(new string('A', 64)));
    }

    [Fact]
    public void The_store_is_chosen_by_configuration_and_a_bad_setting_is_named()
    {
        FileStoreOptions From(Dictionary<string, string?> settings) => FileStoreOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        LocalDiskBlobStore.Create(From(new() { ["DataDirectory"] = Path.GetTempPath() })).ShouldBeOfType<LocalDiskBlobStore>();
        using (var store = (S3BlobStore)LocalDiskBlobStore.Create(From(s3.HostSettings())))
        {
            store.ShouldNotBeNull();
        }
        var unknown = Should.Throw<InvalidOperationException>(() => LocalDiskBlobStore.Create(From(new() { ["Files:Store"] = "Ftp" })));
        unknown.Message.ShouldContain("Files:Store");
        var partial = s3.HostSettings();
        partial["Files:S3:Bucket"] = "";
        partial["Files:S3:SecretKey"] = null;
        var missing = Should.Throw<InvalidOperationException>(() => LocalDiskBlobStore.Create(From(partial)));
        missing.Message.ShouldContain("Files:S3:Bucket");
        missing.Message.ShouldContain("Files:S3:SecretKey");
    }
}
