using EduCloud.Server;

namespace EduCloud.Bench.Rollup;

/// <summary>The server's own composition (HostSetup) on the bench database, without listening: the bench calls the services in-process.</summary>
internal static class RollupHost
{
    public static async Task<WebApplication> BuildAsync(BenchOptions o, string connectionString, string provider = "Postgres")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["DataDirectory"] = Path.Combine(o.DataRoot, provider == "Postgres" ? "rollup" : "rollup-sqlite"),
            ["Demo:SeedOnStart"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.AddEduCloud();
        var app = builder.Build();
        await Task.CompletedTask;
        return app;
    }

    public static async Task MigrateAsync(BenchOptions o, string connectionString, string provider = "Postgres")
    {
        await using var app = await BuildAsync(o, connectionString, provider);
        await Startup.MigrateAsync(app.Services, CancellationToken.None);
    }
}
