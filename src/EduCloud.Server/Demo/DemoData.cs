namespace EduCloud.Server.Demo;

/// <summary>The demo province. To do: schools, teaching points, classes, teachers, students and parents.</summary>
internal static class DemoData
{
    public static Task SeedIfEmptyAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        _ = services;
        logger.LogInformation("Demo data seeding is not written yet");
        return Task.CompletedTask;
    }
}
