using EduCloud.Kernel.Scope;
using EduCloud.Resources.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Resources.Features.Publishing;

/// <summary>
/// Fills the search from the tables when the server starts. The migrate step may run after the host starts (tests,
/// a first run), so until the tables exist it tries again every second for a minute; the migrate step also loads
/// it (ResourcesModule.LoadReferenceDataAsync), and loading twice is harmless.
/// </summary>
internal sealed class SearchLoader(IServiceProvider services, SearchFeeder feeder, ILogger<SearchLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= 60 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                using var scope = services.CreateScope();
                scope.ServiceProvider.ActAsPlatform();
                var count = await feeder.LoadAllAsync(scope.ServiceProvider.GetRequiredService<ResourcesDbContext>(), stoppingToken);
                logger.LogInformation("Search loaded with {Count} published resources", count);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug("Search not loaded yet (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
