using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Cli;

/// <summary>
/// create-admin: the way the first national (or any bureau) administrator comes to exist, and a school administrator
/// placed at a school named by its 10-digit 学校标识码 (--school; a school id is accepted too).
/// </summary>
internal static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Dictionary<string, string> options, CancellationToken ct)
    {
        await Startup.MigrateAsync(services, ct);
        using var scope = CliCommands.PlatformScope(services);
        var sp = scope.ServiceProvider;
        var role = options.GetValueOrDefault("role") ?? "NationalAdmin";
        var schoolId = await SchoolAsync(sp, role, options.GetValueOrDefault("school"), ct);
        var request = new CreateAccount.Request(
            options.GetValueOrDefault("user"), options.GetValueOrDefault("name"), options.GetValueOrDefault("citizen-id"),
            options.GetValueOrDefault("phone"), options.GetValueOrDefault("password"),
            role, options.GetValueOrDefault("region"), schoolId, null, null, null, null);
        var response = await CreateAccount.HandleAsync(sp.GetRequiredService<IdentityDbContext>(), sp.GetRequiredService<IOrganizationDirectory>(),
            sp.GetRequiredService<PersonalDataProtector>(), sp.GetRequiredService<TimeProvider>(), request, ct);
        Console.WriteLine($"已创建管理员 {response.Account.UserName} ({response.Account.Roles[0].RoleName})");
        if (response.TemporaryPassword is not null)
        {
            Console.WriteLine($"临时密码 (temporary password): {response.TemporaryPassword}");
        }
        return 0;
    }

    /// <summary>The school of a school administrator, by 学校标识码 (checked as such) or id; null for other roles.</summary>
    private static async Task<Guid?> SchoolAsync(IServiceProvider sp, string role, string? school, CancellationToken ct)
    {
        if (!string.Equals(role, "SchoolAdmin", StringComparison.OrdinalIgnoreCase))
        {
            return school is null ? null : throw ValidationFailedException.For("school", "只有学校管理员（--role SchoolAdmin）需要指定学校");
        }
        if (Guid.TryParse(school, out var id))
        {
            return id;
        }
        if (SchoolCode.Validate(school, null) is { } error)
        {
            throw ValidationFailedException.For("school", error);
        }
        // The host may read the Organization tables directly (as import-students does); the contract has no lookup by code.
        var org = sp.GetRequiredService<Organization.Data.OrganizationDbContext>();
        return await org.Schools.IgnoreQueryFilters().Where(s => s.Code == school && s.RetiredAt == null).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For("school", $"未找到学校标识码为 {school} 的学校");
    }
}
