using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Features.Trends;
using EduCloud.Monitoring.Indicators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>
/// The schedule: every Monitoring:EvaluateEveryMinutes (default 60; 0 = off) retakes the yearly snapshots and runs
/// every alert rule, so conditions that change without an approval (30 days without learning activity) are caught.
/// </summary>
internal sealed class ScheduledMonitoringRun(IServiceScopeFactory scopes, IndicatorBoard board, EvaluateAlerts alerts, TimeProvider clock,
    IConfiguration configuration, ILogger<ScheduledMonitoringRun> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Monitoring:EvaluateEveryMinutes", 60);
        if (minutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await RunAsync(stoppingToken);
                log.LogInformation("Monitoring run: {Raised} alerts raised, {Resolved} resolved, {Live} live in {Ms:F0} ms",
                    result.Raised, result.Resolved, result.Live, result.Milliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled monitoring run failed");
            }
        }
    }

    /// <summary>One full run: the snapshots of every year with approved returns, then every rule (also 重新评估).</summary>
    public async Task<EvaluationDto> RunAsync(CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.ActAsPlatform();
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var rollup = await board.CurrentAsync(db, ct);
            foreach (var year in await TakeYearlySnapshot.YearsAsync(db, ct))
            {
                await TakeYearlySnapshot.HandleAsync(db, rollup.Indicators, year, clock.GetUtcNow().UtcDateTime, ct);
            }
        }
        return await alerts.RunAsync(null, ct);
    }
}
