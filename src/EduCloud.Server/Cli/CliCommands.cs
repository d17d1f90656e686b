using EduCloud.Identity;
using EduCloud.Kernel.Data;

namespace EduCloud.Server.Cli;

/// <summary>
/// Operator commands: `dotnet run --project src/EduCloud.Server -- &lt;command&gt;`.
/// migrate | seed-demo | create-admin | backup | restore
/// </summary>
internal static class CliCommands
{
    private static readonly string[] Commands = ["migrate", "seed-demo", "create-admin", "backup", "restore", "import-students", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var ct = CancellationToken.None;
        var options = ParseOptions(args.Skip(1).ToArray());
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await Startup.MigrateAsync(app.Services, ct);
                    Console.WriteLine("数据库迁移完成 (migrations applied)");
                    return 0;
                case "seed-demo":
                    await Startup.MigrateAsync(app.Services, ct);
                    await Demo.DemoData.SeedIfEmptyAsync(app.Services, app.Logger, ct);
                    return 0;
                case "create-admin":
                    return await CreateAdminCommand.RunAsync(app.Services, options, ct);
                case "backup":
                    return await BackupCommand.BackupAsync(app.Services, app.Configuration, options, ct);
                case "import-students":
                    return await ImportStudentsCommand.RunAsync(app.Services, app.Configuration, options, ct);
                case "restore":
                    return await BackupCommand.RestoreAsync(app.Configuration, options, ct);
                default:
                    PrintHelp();
                    return 0;
            }
        }
        catch (Kernel.Errors.ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                Console.Error.WriteLine($"{field}: {string.Join("; ", messages)}");
            }
            return 2;
        }
        catch (Kernel.Errors.ConflictException e)
        {
            Console.Error.WriteLine($"{e.Field}: {e.Message}");
            return 2;
        }
    }

    public static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }
        return options;
    }

    private static void PrintHelp() => Console.WriteLine("""
        EduCloud.Server commands:
          migrate                                   apply all database migrations and load reference data
          seed-demo                                 migrate, then load the demo province if the database is empty
          create-admin --user U --name 姓名 --citizen-id ID --password P [--role NationalAdmin|ProvinceAdmin|CityAdmin|CountyAdmin --region CODE]
                       [--role SchoolAdmin --school 学校标识码]
                                                    create an administrator (bureau roles at a region, a school administrator at a school)
          backup --to FILE                          copy the embedded SQLite database (online, consistent)
          import-students --school CODE --file x.xlsx|x.csv --mode all-or-nothing|valid-rows-only
                                                    import a school's class lists (学籍), printing progress
          restore --from FILE                       replace the embedded SQLite database (stop the server first)
        """);

    /// <summary>Creates a service scope that acts as the platform, for commands that change data.</summary>
    public static IServiceScope PlatformScope(IServiceProvider services)
    {
        var scope = services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        return scope;
    }

    public static DatabaseSettings Database(IConfiguration configuration) => DatabaseSettings.From(configuration);
}
