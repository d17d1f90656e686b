using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// The statements' body is read into a pooled buffer and parsed as one JSON document (ReadStatementsBody.ReadAsync).
/// What the serializer's parse answered before must still hold: invalid JSON and duplicate property names (Data 2.2)
/// are 400 naming the line, anywhere in a batch and in the JSON part of multipart/mixed, and nothing of the batch is
/// stored; a UTF-8 byte order mark is skipped; a body without Content-Length (chunked) and larger than the first
/// buffer is read whole.
/// </summary>
public sealed class RequestBodyTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static string Statement(Guid id, string email)
    {
        var s = Xapi.Statement(email);
        s["id"] = id.ToString();
        return s.ToJsonString();
    }

    [Fact]
    public async Task Invalid_json_is_400_with_its_line()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var response = await lrs.PostAsync("/xapi/statements", new StringContent("[\n" + Statement(Guid.NewGuid(), Xapi.UniqueEmail()) + ",\n{\"actor\": }\n]", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not valid JSON (line 3)");
    }

    [Fact]
    public async Task A_duplicate_property_deep_in_a_batch_refuses_the_whole_batch_with_its_line()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var duplicate = Statement(second, Xapi.UniqueEmail()).Replace("\"verb\":{\"id\"", "\"verb\":{\"id\":\"http://example.com/v\",\"id\"", StringComparison.Ordinal);
        using var response = await lrs.PostAsync("/xapi/statements", new StringContent("[\n" + Statement(first, Xapi.UniqueEmail()) + ",\n" + duplicate + "\n]", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not valid JSON (line 3)");
        await lrs.GetAsync($"/xapi/statements?statementId={first}").ShouldBeAsync(HttpStatusCode.NotFound);
        await lrs.GetAsync($"/xapi/statements?statementId={second}").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_duplicate_property_in_the_json_part_of_multipart_is_400()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var id = Guid.NewGuid();
        var json = Statement(id, Xapi.UniqueEmail()).Replace("{\"actor\":", "{\"actor\":{\"mbox\":\"mailto:x@example.com\"},\"actor\":", StringComparison.Ordinal);
        using var multipart = new MultipartContent("mixed", "xapi-boundary");
        multipart.Add(new StringContent(json, Encoding.UTF8, "application/json"));
        using var response = await lrs.PostAsync("/xapi/statements", multipart);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not valid JSON (line 1)");
        await lrs.GetAsync($"/xapi/statements?statementId={id}").ShouldBeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var id = Guid.NewGuid();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[" + Statement(id, Xapi.UniqueEmail()) + "]")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await lrs.PostAsync("/xapi/statements", content).ShouldBeAsync(HttpStatusCode.OK);
        await lrs.GetAsync($"/xapi/statements?statementId={id}").ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_chunked_batch_larger_than_the_first_buffer_is_stored_whole()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", ids.Select(i => Statement(i, Xapi.UniqueEmail()))) + "]");
        body.Length.ShouldBeGreaterThan(64 * 1024);
        // A stream of unknown length: HttpClient sends it chunked, so the server has no Content-Length to size by.
        using var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await lrs.PostAsync("/xapi/statements", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(n => Guid.Parse((string)n!)).ToList();
        stored.ShouldBe(ids);
        var last = await lrs.GetJsonAsync($"/xapi/statements?statementId={ids[^1]}");
        ((string?)last["id"]).ShouldBe(ids[^1].ToString());
    }

    [Fact]
    public async Task Escaped_and_non_ascii_names_and_values_are_checked_as_their_text()
    {
        // Sent as written (not re-serialised): the rule checks read names and values from the raw bytes when they
        // are unescaped, and must give what the unescaped text gives otherwise.
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        var id = Guid.NewGuid();
        var valid = "{\"id\":\"" + id + "\",\"\\u0061ctor\":{\"\\u006dbox\":\"mailto:\\u0061@example.com\"},"
            + "\"verb\":{\"id\":\"http:\\/\\/adlnet.gov\\/expapi\\/verbs\\/experienced\",\"display\":{\"zh-\\u0043N\":\"体验\"}},"
            + "\"object\":{\"id\":\"http://例子.cn/活动/1\",\"definition\":{\"name\":{\"zh-CN\":\"第一课\"},\"extensions\":{\"http://例子.cn/扩展\":1}}},"
            + "\"timestamp\":\"2026-01-01T12:00:00\\u005A\"}";
        using (var response = await lrs.PostAsync("/xapi/statements", new StringContent(valid, Encoding.UTF8, "application/json")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        var stored = await lrs.GetJsonAsync($"/xapi/statements?statementId={id}");
        ((string?)stored["actor"]!["mbox"]).ShouldBe("mailto:a@example.com");
        ((string?)stored["object"]!["id"]).ShouldBe("http://例子.cn/活动/1");

        foreach (var (bad, field) in new[]
        {
            (valid.Replace("\"verb\":", "\"\\u0056erb\":1,\"verb\":", StringComparison.Ordinal), "statement.Verb"),
            (valid.Replace("\"timestamp\"", "\"结果\":1,\"timestamp\"", StringComparison.Ordinal), "statement.结果"),
            (valid.Replace("mailto:\\u0061@", "mail\\u0074o\\u003Ba@", StringComparison.Ordinal), "statement.actor.mbox"), // "mailto;a@"
            (valid.Replace("http://例子.cn/扩展", "例子 扩展", StringComparison.Ordinal), "statement.object.definition.extensions.例子 扩展"),
            (valid.Replace("\\u005A\"", "\\u0020\"", StringComparison.Ordinal), "statement.timestamp"),
        })
        {
            using var response = await lrs.PostAsync("/xapi/statements", new StringContent(bad.Replace(id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json"));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await response.Content.ReadAsStringAsync()).ShouldContain(field, customMessage: bad);
        }
    }

    /// <summary>A readable stream that does not tell its length, in small reads.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 4096), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
