using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;

namespace EduCloud.Server.Cli;

/// <summary>create-admin: the way the first national (or any bureau) administrator comes to exist.</summary>
internal static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Dictionary<string, string> options, CancellationToken ct)
    {
        await Startup.MigrateAsync(services, ct);
        using var scope = CliCommands.PlatformScope(services);
        var sp = scope.ServiceProvider;
        var request = new CreateAccount.Request(
            options.GetValueOrDefault("user"), options.GetValueOrDefault("name"), options.GetValueOrDefault("citizen-id"),
            options.GetValueOrDefault("phone"), options.GetValueOrDefault("password"),
            options.GetValueOrDefault("role") ?? "NationalAdmin", options.GetValueOrDefault("region"), null, null, null, null, null);
        var response = await CreateAccount.HandleAsync(sp.GetRequiredService<IdentityDbContext>(), sp.GetRequiredService<IOrganizationDirectory>(),
            sp.GetRequiredService<PersonalDataProtector>(), sp.GetRequiredService<TimeProvider>(), request, ct);
        Console.WriteLine($"已创建管理员 {response.Account.UserName} ({response.Account.Roles[0].RoleName})");
        if (response.TemporaryPassword is not null)
        {
            Console.WriteLine($"临时密码 (temporary password): {response.TemporaryPassword}");
        }
        return 0;
    }
}
