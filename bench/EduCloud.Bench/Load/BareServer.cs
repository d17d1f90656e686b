namespace EduCloud.Bench.Load;

/// <summary>
/// The baseline: a minimal Kestrel app in the bench process that returns the real endpoint's JSON bytes from
/// memory at the same path. Same HTTP stack and client, no authentication, no scope, no database.
/// Kept here, not in the server, so the product carries no bench-only code.
/// </summary>
internal static class BareServer
{
    public static async Task<WebApplication> StartAsync(int port, byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/api/v1/schools", () => Results.Bytes(body, "application/json; charset=utf-8"));
        await app.StartAsync();
        return app;
    }
}
