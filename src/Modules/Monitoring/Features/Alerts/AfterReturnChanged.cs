using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Features.Trends;
using EduCloud.Monitoring.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>
/// What follows a province approval (or an approved return sent back), after the board has moved: the school's
/// figures move in the year's trend snapshot and the school's alert rules (and its regions') are run. Both act as the platform. A failure
/// here is logged, not thrown: the approval itself is committed and the scheduled run catches up.
/// </summary>
internal sealed class AfterReturnChanged(IServiceScopeFactory scopes, IndicatorBoard board, EvaluateAlerts alerts, TimeProvider clock,
    ILogger<AfterReturnChanged> log)
{
    public async Task HandleAsync(Guid schoolId, int year, CancellationToken ct)
    {
        try
        {
            using (var scope = scopes.CreateScope())
            {
                scope.ServiceProvider.ActAsPlatform();
                var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
                var rollup = await board.CurrentAsync(db, ct);
                await UpdateSchoolInSnapshot.HandleAsync(db, rollup.Indicators, schoolId, year, clock.GetUtcNow().UtcDateTime, ct);
            }
            // The school may have dropped out of the board (sent back with no earlier year): then only the full run can clear its alerts.
            var rollupNow = board.IsLoaded(schoolId);
            await alerts.RunAsync(rollupNow ? schoolId : null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Monitoring follow-up after a return change failed (year {Year}); the scheduled run will retry", year);
        }
    }
}
