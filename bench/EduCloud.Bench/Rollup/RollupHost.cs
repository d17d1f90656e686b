using EduCloud.Server;

namespace EduCloud.Bench.Rollup;

/// <summary>The server's own composition (HostSetup) on the bench database, without listening: the bench calls the services in-process.</summary>
internal static class RollupHost
{
    public static async Task<WebApplication> BuildAsync(BenchOptions o, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["DataDirectory"] = Path.Combine(o.DataRoot, "rollup"),
            ["Demo:SeedOnStart"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.AddEduCloud();
        var app = builder.Build();
        await Task.CompletedTask;
        return app;
    }

    public static async Task MigrateAsync(BenchOptions o, string connectionString)
    {
        await using var app = await BuildAsync(o, connectionString);
        await Startup.MigrateAsync(app.Services, CancellationToken.None);
    }
}
