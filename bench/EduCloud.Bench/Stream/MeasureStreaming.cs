using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EduCloud.Bench.Dataset;
using EduCloud.Bench.Load;

namespace EduCloud.Bench.Stream;

/// <summary>
/// Issue 4's streaming figures: a large video goes through the real platform (resumable upload in 16 MiB chunks,
/// ClamAV scan, review, publication) and is then streamed back by a teacher: whole downloads, 1 MiB range reads at
/// random offsets (a player seeking) and several concurrent viewers. The baseline, in the same run, is Kestrel's own
/// file result serving the same file from disk with range processing and nothing else (no token, no database, no
/// entitlement check). The server's resident memory is read from /proc before and after, and its peak (VmHWM),
/// to show that memory stays flat whatever the file's size.
/// </summary>
internal static class MeasureStreaming
{
    private const int Chunk = 16 * 1024 * 1024;
    private const int RangeBytes = 1024 * 1024;

    public static async Task<string> RunAsync(BenchOptions o, int megabytes, int runs, int seeks, int viewers)
    {
        var root = Path.Combine(o.DataRoot, $"stream-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(root);
        var spec = new DatasetSpec("Sqlite", 0, 0, root, $"Data Source={Path.Combine(root, "educloud.db")}");
        var video = Path.Combine(root, "lesson.mp4");
        var size = WriteVideo(video, megabytes);
        var report = new StringBuilder();
        try
        {
            await using var server = ServerProcess.Start(o, spec, "stream-server", new Dictionary<string, string> { ["Database:MigrateOnStart"] = "true", ["Demo:SeedOnStart"] = "true" });
            await server.WaitFor200Async("/health", TimeSpan.FromMinutes(5));
            var teacher = await RetryTokenAsync(server, "teacher");
            using var http = Client(server.BaseUrl, teacher);
            var memoryIdle = (Rss: server.ResidentMiB(), Peak: server.PeakResidentMiB());
            var (resourceId, uploadSeconds) = await PublishAsync(server, http, video, size);
            var memoryAfterUpload = (Rss: server.ResidentMiB(), Peak: server.PeakResidentMiB());
            var ours = await MeasureAsync(http, $"/api/v1/resources/{resourceId}/file", size, runs, seeks, viewers);
            var memoryAfter = (Rss: server.ResidentMiB(), Peak: server.PeakResidentMiB());

            await using var bare = await BareServer.StartFileAsync(o.BarePort, video, "video/mp4");
            using var bareHttp = Client($"http://127.0.0.1:{o.BarePort}", null);
            var baseline = await MeasureAsync(bareHttp, "/file", size, runs, seeks, viewers);

            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            report.AppendLine(CultureInfo.InvariantCulture, $"### Streaming a {size / 1048576.0:N0} MiB video ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {load}, {Environment.ProcessorCount} cores)");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Upload through the platform (16 MiB chunks, SHA-256 check, ClamAV scan on completion): {uploadSeconds:N1} s, {size / 1048576.0 / uploadSeconds:N0} MiB/s.");
            report.AppendLine();
            report.AppendLine("| | EduCloud `/api/v1/resources/{id}/file` (token, entitlement check) | Kestrel file result, same file (baseline) | ratio |");
            report.AppendLine("|---|---:|---:|---:|");
            Row(report, "whole file, one viewer, median MiB/s", ours.WholeMiBs, baseline.WholeMiBs, "N0");
            Row(report, $"{viewers} concurrent viewers, total MiB/s", ours.ConcurrentMiBs, baseline.ConcurrentMiBs, "N0");
            Row(report, "1 MiB range at a random offset, median ms", ours.SeekMedianMs, baseline.SeekMedianMs, "N1");
            Row(report, "1 MiB range at a random offset, p99 ms", ours.SeekP99Ms, baseline.SeekP99Ms, "N1");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Server memory (VmRSS / peak VmHWM, MiB): idle {memoryIdle.Rss:N0} / {memoryIdle.Peak:N0}; after the upload {memoryAfterUpload.Rss:N0} / {memoryAfterUpload.Peak:N0}; after {runs} whole downloads, {seeks} seeks and {viewers} concurrent viewers {memoryAfter.Rss:N0} / {memoryAfter.Peak:N0}.");
            return report.ToString();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Row(StringBuilder report, string name, double ours, double baseline, string format) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {ours.ToString(format, CultureInfo.InvariantCulture)} | {baseline.ToString(format, CultureInfo.InvariantCulture)} | {ours / baseline:N2} |");

    /// <summary>An MP4 header (the sniffer checks for "ftyp") followed by random bytes, written without holding it in memory.</summary>
    private static long WriteVideo(string path, int megabytes)
    {
        using var file = File.Create(path);
        file.Write([0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0, 0, 0, .. "mp42isom"u8]);
        var buffer = new byte[1024 * 1024];
        var random = new Random(2026);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(buffer);
            file.Write(buffer);
        }
        return file.Length;
    }

    private static HttpClient Client(string baseUrl, string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    private static async Task<string> RetryTokenAsync(ServerProcess server, string user)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await server.TokenAsync(user, "Demo2026");
            }
            catch (InvalidOperationException) when (attempt < 120)
            {
                await Task.Delay(1000); // the demo data may still be seeding
            }
        }
    }

    /// <summary>Upload, create, review and publish through the public API, as the demo teacher, reviewer and province administrator.</summary>
    private static async Task<(Guid Id, double UploadSeconds)> PublishAsync(ServerProcess server, HttpClient teacher, string video, long size)
    {
        string sha;
        await using (var hashing = File.OpenRead(video))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(hashing));
        }
        var clock = Stopwatch.StartNew();
        var start = await Ok(await teacher.PostAsJsonAsync("/api/v1/resources/uploads", new { fileName = "lesson.mp4", totalBytes = size, sha256 = sha }));
        var uploadId = start.GetProperty("id").GetGuid();
        await using (var file = File.OpenRead(video))
        {
            var buffer = new byte[Chunk];
            for (long offset = 0; offset < size;)
            {
                var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/resources/uploads/{uploadId}") { Content = new ByteArrayContent(buffer, 0, read) };
                request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
                await Ok(await teacher.SendAsync(request));
                offset += read;
            }
        }
        await Ok(await teacher.PostAsync($"/api/v1/resources/uploads/{uploadId}/complete", null));
        var uploadSeconds = clock.Elapsed.TotalSeconds;

        var node = await LeafAsync(teacher);
        var created = await Ok(await teacher.PostAsJsonAsync("/api/v1/resources", new
        {
            kind = "Basic", priceCents = 0L, regionCode = (string?)null, providerName = (string?)null, submit = true,
            version = new { title = "长视频拖动播放测试", description = "streaming bench", tags = new[] { "bench" }, knowledgePoints = Array.Empty<string>(), typeCode = "microlecture", languageCode = "zh", licenceCode = "platform", catalogueNodeId = node, uploadId },
        }));
        var resourceId = created.GetProperty("id").GetGuid();
        var versionId = created.GetProperty("versions")[0].GetProperty("id").GetGuid();
        using var reviewer = Client(server.BaseUrl, await server.TokenAsync("reviewer", "Demo2026"));
        using var province = Client(server.BaseUrl, await server.TokenAsync("gz_admin", "Demo2026"));
        foreach (var (client, trigger) in new[] { (reviewer, "StartFirstReview"), (reviewer, "PassFirstReview"), (province, "Publish") })
        {
            await Ok(await client.PostAsJsonAsync($"/api/v1/resources/versions/{versionId}/{trigger}", new { comment = (string?)null }));
        }
        return (resourceId, uploadSeconds);
    }

    private static async Task<Guid> LeafAsync(HttpClient http)
    {
        Guid? node = null;
        for (var depth = 0; depth < 8; depth++)
        {
            var children = await http.GetFromJsonAsync<JsonElement>("/api/v1/resources/catalogue" + (node is null ? "" : $"?parentId={node}"));
            if (children.GetArrayLength() == 0)
            {
                break;
            }
            node = children[0].GetProperty("id").GetGuid();
        }
        return node ?? throw new InvalidOperationException("the demo catalogue is empty");
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed record Figures(double WholeMiBs, double ConcurrentMiBs, double SeekMedianMs, double SeekP99Ms);

    private static async Task<Figures> MeasureAsync(HttpClient http, string path, long size, int runs, int seeks, int viewers)
    {
        await ReadAllAsync(http, path, size); // warm-up: page cache, JIT, connection
        var whole = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await ReadAllAsync(http, path, size);
            whole.Add(size / 1048576.0 / clock.Elapsed.TotalSeconds);
        }
        var together = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, viewers).Select(_ => ReadAllAsync(http, path, size)));
        var concurrent = viewers * size / 1048576.0 / together.Elapsed.TotalSeconds;
        var random = new Random(7);
        var latencies = new List<double>();
        for (var i = 0; i < seeks; i++)
        {
            var from = random.NextInt64(0, size - RangeBytes);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Range = new RangeHeaderValue(from, from + RangeBytes - 1);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if ((int)response.StatusCode != 206)
            {
                throw new InvalidOperationException($"range request answered {(int)response.StatusCode}");
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (bytes.Length != RangeBytes)
            {
                throw new InvalidOperationException($"range request returned {bytes.Length} bytes");
            }
        }
        latencies.Sort();
        whole.Sort();
        return new Figures(whole[whole.Count / 2], concurrent, latencies[latencies.Count / 2], latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * 0.99) - 1)]);
    }

    private static async Task ReadAllAsync(HttpClient http, string path, long size)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }
        if (total != size)
        {
            throw new InvalidOperationException($"{path} returned {total} of {size} bytes");
        }
    }
}
