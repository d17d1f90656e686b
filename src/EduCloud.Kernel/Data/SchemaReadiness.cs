using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Kernel.Data;

/// <summary>
/// For background services that start with the host: the host migrates at start-up, possibly after they start, so
/// they wait for the schema instead of failing (and logging) against tables that are not there yet.
/// </summary>
public static class SchemaReadiness
{
    /// <summary>Waits until no migration of this context is pending, polling every half second for at most a minute.</summary>
    public static async Task WaitForSchemaAsync(this DatabaseFacade database, CancellationToken ct)
    {
        for (var i = 0; i < 120 && (await database.GetPendingMigrationsAsync(ct)).Any(); i++)
        {
            await Task.Delay(500, ct);
        }
    }
}
