using EduCloud.Kernel.Data;
using EduCloud.Organization;

namespace EduCloud.Server;

/// <summary>
/// The explicit migrate step. Development and demo runs apply it at start (and seed the demo province);
/// production runs `EduCloud.Server migrate` as a deployment step instead.
/// </summary>
internal static class Startup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        var configuration = app.Configuration;
        if (app.Environment.IsDevelopment() || configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await MigrateAsync(app.Services, CancellationToken.None);
        }
        if (configuration.GetValue<bool>("Demo:SeedOnStart"))
        {
            await Demo.DemoData.SeedIfEmptyAsync(app.Services, app.Logger, CancellationToken.None);
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await DatabaseSetup.MigrateAllAsync(services, ct);
        await OrganizationModule.LoadReferenceDataAsync(services, ct);
        await Identity.IdentityModule.LoadReferenceDataAsync(services, ct);
        await Resources.ResourcesModule.LoadReferenceDataAsync(services, ct);
        await Monitoring.MonitoringModule.LoadReferenceDataAsync(services, ct);
    }
}
