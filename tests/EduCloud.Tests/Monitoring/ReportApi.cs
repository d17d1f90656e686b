using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Monitoring;

/// <summary>Asks for inspection reports over the API, waits for the background job, and reads the files back.</summary>
internal static class ReportApi
{
    public static async Task<JsonElement> RequestAsync(HttpClient client, int year = 2026, string? node = null, string indicator = "bandwidthPerClass")
    {
        var response = await client.PostAsJsonAsync("/api/v1/monitoring/reports", new { year, node, indicator });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, json.ToString());
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/monitoring/reports/{json.GetProperty("id").GetGuid()}");
        return json;
    }

    /// <summary>Polls the job until it is done or failed; records every percent seen on the way.</summary>
    public static async Task<(JsonElement Job, List<int> Seen)> FinishedAsync(HttpClient client, Guid id)
    {
        var seen = new List<int>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/reports/{id}");
            seen.Add(job.GetProperty("percent").GetInt32());
            if (job.GetProperty("status").GetString() is "Done" or "Failed")
            {
                return (job, seen);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("report job did not finish");
    }

    public static async Task<byte[]> FileAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The PDF's text as poppler's pdftotext (Debian poppler-utils) extracts it: what a reader copying text gets.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"educloud-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<string> PdfFontsAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"educloud-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdffonts", [file]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A bearer-token client of another server over the same database (e.g. one started with other settings).</summary>
    public static async Task<HttpClient> ClientOnAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server, TestUser user)
    {
        var client = server.CreateClient();
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "educloud-cli", ["username"] = user.UserName, ["password"] = user.Password, ["scope"] = "api",
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        token.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }
}
