namespace EduCloud.Bench.Load;

/// <summary>
/// The baseline: a minimal Kestrel app in the bench process that returns the real endpoint's JSON bytes from
/// memory at the same path. Same HTTP stack and client, no authentication, no scope, no database.
/// Kept here, not in the server, so the product carries no bench-only code.
/// </summary>
internal static class BareServer
{
    public static Task<WebApplication> StartAsync(int port, byte[] body) =>
        StartAsync(port, app => app.MapGet("/api/v1/schools", () => Results.Bytes(body, "application/json; charset=utf-8")));

    /// <summary>Kestrel's own file result for one file at /file, with range processing (the streaming baseline).</summary>
    public static Task<WebApplication> StartFileAsync(int port, string file, string contentType) =>
        StartAsync(port, app => app.MapGet("/file", () => Results.File(file, contentType, enableRangeProcessing: true)));

    private static async Task<WebApplication> StartAsync(int port, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
