using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Statistics.Rollup;

/// <summary>
/// Builds the rollups in the background once the node has started, so the first administrator to open the
/// statistics after a restart does not wait for the census to be read (seconds for a whole country). Reads that come
/// in before the build ends wait for it; changes committed meanwhile are applied by the cube as usual.
/// Off with <c>Statistics:WarmOnStart=false</c> (a node that never serves statistics).
/// </summary>
internal sealed class WarmRollupsOnStart(
    RollupCube<StudentPopulation> students, RollupCube<TeacherPopulation> teachers, IConfiguration configuration,
    IHostApplicationLifetime lifetime, ILogger<WarmRollupsOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Statistics:WarmOnStart", true))
        {
            return;
        }
        // After start, not during it: the node answers /health and pages while the census is read.
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            await students.CurrentAsync(stoppingToken);
            await teachers.CurrentAsync(stoppingToken);
            logger.LogInformation("Statistics rollups built in {StudentsMs} ms (students) and {TeachersMs} ms (teachers)",
                (long)students.LastBuild.TotalMilliseconds, (long)teachers.LastBuild.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the first reader builds instead. Only the type is logged; the census holds no personal data anyway.
            logger.LogWarning("Statistics warm-up failed, the first request will build the rollups: {ExceptionType}", e.GetType().Name);
        }
    }
}
