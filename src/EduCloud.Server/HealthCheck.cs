using EduCloud.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server;

/// <summary>/health: 200 when every module's database answers and has no pending migration, 503 otherwise.</summary>
internal static class HealthCheck
{
    public static async Task<IResult> CheckAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var module in services.GetServices<MigratableContext>())
        {
            var db = (DbContext)services.GetRequiredService(module.ContextType);
            if (!await db.Database.CanConnectAsync(ct) || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                return Results.Json(new { status = "unavailable", module = module.Module }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }
        return Results.Json(new { status = "ready" });
    }
}
