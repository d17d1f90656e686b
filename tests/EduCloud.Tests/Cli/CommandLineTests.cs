using System.Diagnostics;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Cli;

/// <summary>The operator commands, run as a real process against a real SQLite file.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "educloud-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Create_admin_backup_and_restore_round_trip_through_the_embedded_database()
    {
        var live = Path.Combine(_root, "live");
        var restored = Path.Combine(_root, "restored");
        var backup = Path.Combine(_root, "backups", "educloud.db");
        var citizenId = TestIds.NextCitizenId("520000", "19800101");

        var created = await RunAsync(live, "create-admin", "--user", "gz_root", "--name", "省管理员", "--citizen-id", citizenId, "--password", "Secret2026x", "--role", "ProvinceAdmin", "--region", "520000");
        created.Code.ShouldBe(0, created.Output);
        created.Output.ShouldContain("gz_root");
        created.Output.ShouldNotContain(citizenId);

        var backedUp = await RunAsync(live, "backup", "--to", backup);
        backedUp.Code.ShouldBe(0, backedUp.Output);
        File.Exists(backup).ShouldBeTrue();
        var migrated = await RunAsync(restored, "migrate");
        migrated.Code.ShouldBe(0, migrated.Output);
        var restore = await RunAsync(restored, "restore", "--from", backup);
        restore.Code.ShouldBe(0, restore.Output);

        // The restored database already holds the administrator: creating it again is refused, naming the field.
        var again = await RunAsync(restored, "create-admin", "--user", "gz_root", "--name", "省管理员", "--citizen-id", TestIds.NextCitizenId(), "--password", "Secret2026x", "--role", "ProvinceAdmin", "--region", "520000");
        again.Code.ShouldBe(2, again.Output);
        again.Output.ShouldContain("userName");
    }

    [Fact]
    public async Task Create_admin_refuses_an_invalid_citizen_id_and_a_broken_backup_is_not_restored()
    {
        var dir = Path.Combine(_root, "bad");
        var invalid = await RunAsync(dir, "create-admin", "--user", "x_admin", "--name", "某某", "--citizen-id", "11010519491231002Y", "--password", "Secret2026x");
        // The output is in the message: once, on a loaded CI machine, the process ended with 134 (an abort) here.
        invalid.Code.ShouldBe(2, invalid.Output);
        invalid.Output.ShouldContain("citizenId");

        var broken = Path.Combine(_root, "broken.db");
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(broken, "not a database");
        var restore = await RunAsync(dir, "restore", "--from", broken);
        restore.Code.ShouldNotBe(0);
    }

    private static async Task<(int Code, string Output)> RunAsync(string dataDirectory, params string[] args)
    {
        Directory.CreateDirectory(dataDirectory);
        var server = ServerBinary();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(server)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(server);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add("--DataDirectory");
        start.ArgumentList.Add(dataDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("EDUCLOUD_TEST_POSTGRES");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string ServerBinary()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduCloud.slnx")))
        {
            dir = dir.Parent;
        }
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(dir!.FullName, "src", "EduCloud.Server", "bin", configuration, "net10.0", "EduCloud.Server.dll");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
