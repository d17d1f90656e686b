using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Resources;

public sealed class UploadTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<HttpClient> ProviderAsync() => await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));

    [Fact]
    public async Task An_interrupted_upload_resumes_from_the_offset_the_server_reports_and_never_completes_partial()
    {
        using var client = await ProviderAsync();
        var bytes = ResourceApi.Pdf(new string('春', 3000));
        var start = await ResourceApi.StartAsync(client, "春.pdf", bytes.Length, ResourceApi.Sha(bytes));
        var id = (await start.JsonAsync()).GetProperty("id").GetGuid();

        (await ResourceApi.ChunkAsync(client, id, 0, bytes[..4000])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // The connection drops; completing now is refused, nothing is published.
        var early = await client.PostAsync($"/api/v1/resources/uploads/{id}/complete", null);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The client asks where to go on: HEAD gives Upload-Offset, GET the same as JSON.
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/resources/uploads/{id}"));
        head.Headers.GetValues("Upload-Offset").Single().ShouldBe("4000");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/uploads/{id}")).GetProperty("offset").GetInt64().ShouldBe(4000);

        // A chunk sent again from an old offset is refused with the right offset, not appended twice.
        var stale = await ResourceApi.ChunkAsync(client, id, 2000, bytes[2000..4000]);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        stale.Headers.GetValues("Upload-Offset").Single().ShouldBe("4000");

        (await ResourceApi.ChunkAsync(client, id, 4000, bytes[4000..])).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await client.PostAsync($"/api/v1/resources/uploads/{id}/complete", null);
        var json = await done.JsonAsync();
        done.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("sha256").GetString().ShouldBe(ResourceApi.Sha(bytes));
        json.GetProperty("format").GetString().ShouldBe("pdf");
        json.GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task A_chunk_past_the_declared_size_and_a_wrong_checksum_are_refused()
    {
        using var client = await ProviderAsync();
        var bytes = ResourceApi.Pdf();
        var start = await ResourceApi.StartAsync(client, "a.pdf", bytes.Length, ResourceApi.Sha(ResourceApi.Pdf("别的")));
        var id = (await start.JsonAsync()).GetProperty("id").GetGuid();
        (await ResourceApi.ChunkAsync(client, id, 0, [.. bytes, .. "extra"u8.ToArray()])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/uploads/{id}")).GetProperty("offset").GetInt64().ShouldBe(0);
        (await ResourceApi.ChunkAsync(client, id, 0, bytes)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await client.PostAsync($"/api/v1/resources/uploads/{id}/complete", null);
        done.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await done.Content.ReadAsStringAsync()).ShouldContain("SHA-256");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/resources/uploads/{id}")).GetProperty("status").GetString().ShouldBe("Refused");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_any_byte_is_sent()
    {
        using var client = await ProviderAsync();
        var response = await ResourceApi.StartAsync(client, "录像.mp4", 3L * 1024 * 1024 * 1024, new string('a', 64));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("大小上限");
    }

    [Theory]
    [InlineData("教案.pdf", "MZ", "可执行程序")]
    [InlineData("课件.docx", "\u007fELF", "可执行程序")]
    [InlineData("图片.png", "\u00cf\u00fa\u00ed\u00fe", "可执行程序")]
    [InlineData("教案.pdf", "<html>not a pdf", "不符")]
    [InlineData("课件.docx", "PK\u0003\u0004 broken zip", "不符")]
    [InlineData("脚本.txt", "#!/bin/sh\nrm -rf /", "可执行程序")]
    public async Task A_disguised_executable_or_a_corrupt_file_is_refused_with_a_reason(string name, string head, string reason)
    {
        using var client = await ProviderAsync();
        var bytes = Encoding.Latin1.GetBytes(head + new string('\0', 200));
        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            bytes = Encoding.UTF8.GetBytes(head);
        }
        var done = await ResourceApi.UploadAsync(client, name, bytes);
        done.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await done.Content.ReadAsStringAsync()).ShouldContain(reason);
    }

    [Fact]
    public async Task An_unsupported_extension_is_refused_at_start()
    {
        using var client = await ProviderAsync();
        var response = await ResourceApi.StartAsync(client, "setup.exe", 10, new string('a', 64));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("不支持");
    }

    [Fact]
    public async Task A_real_docx_passes_and_the_EICAR_test_file_is_caught_by_clamscan()
    {
        using var client = await ProviderAsync();
        var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        (await ResourceApi.UploadAsync(client, "教案.docx", docx.ToArray())).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The EICAR anti-virus test file, assembled here so no scanner flags the test source itself.
        var eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");
        var infected = await ResourceApi.UploadAsync(client, "习题.txt", eicar);
        var body = await infected.Content.ReadAsStringAsync();
        infected.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ShouldContain("病毒扫描未通过");
        body.ShouldContain("EICAR");
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_are_stored_once()
    {
        using var client = await ProviderAsync();
        using var other = await ProviderAsync();
        var bytes = ResourceApi.Pdf("同一个文件");
        var first = await (await ResourceApi.UploadAsync(client, "一.pdf", bytes)).JsonAsync();
        var second = await (await ResourceApi.UploadAsync(other, "二.pdf", bytes)).JsonAsync();
        first.GetProperty("sha256").GetString().ShouldBe(second.GetProperty("sha256").GetString());
        var sha = first.GetProperty("sha256").GetString()!;
        var dataDirectory = factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["DataDirectory"]!;
        Directory.GetFiles(Path.Combine(dataDirectory, "blobs"), sha, SearchOption.AllDirectories).Length.ShouldBe(1);
        // No partial file is left behind either.
        Directory.GetFiles(Path.Combine(dataDirectory, "resources", "uploads")).ShouldNotContain(f => f.Contains(first.GetProperty("id").GetGuid().ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_else_cannot_see_or_append_to_an_upload_and_students_cannot_upload()
    {
        using var client = await ProviderAsync();
        using var other = await ProviderAsync();
        var bytes = ResourceApi.Pdf();
        var id = (await (await ResourceApi.StartAsync(client, "a.pdf", bytes.Length, ResourceApi.Sha(bytes))).JsonAsync()).GetProperty("id").GetGuid();
        (await ResourceApi.ChunkAsync(other, id, 0, bytes)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/resources/uploads/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (teacherClient, _, _, classId) = await ResourceApi.TeacherAsync(factory);
        teacherClient.Dispose();
        using var student = await factory.ClientForAsync(await factory.CreateUserAsync("Student", classId: classId));
        (await ResourceApi.StartAsync(student, "a.pdf", 10, new string('a', 64))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
