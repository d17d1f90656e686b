using EduCloud.Kernel.Data;
using Microsoft.Data.Sqlite;

namespace EduCloud.Server.Cli;

/// <summary>
/// backup / restore of the embedded SQLite database. Backup uses SQLite's online backup API, so it is
/// consistent while the server runs. PostgreSQL deployments use pg_dump / pg_restore instead.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> BackupAsync(IServiceProvider services, IConfiguration configuration, Dictionary<string, string> options, CancellationToken ct)
    {
        var settings = DatabaseSettings.From(configuration);
        if (settings.IsPostgres)
        {
            Console.Error.WriteLine("PostgreSQL: 请使用 pg_dump 备份 (use pg_dump)");
            return 2;
        }
        if (!options.TryGetValue("to", out var target))
        {
            Console.Error.WriteLine("用法: backup --to FILE");
            return 2;
        }
        _ = services;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        await using var source = new SqliteConnection(settings.ConnectionString);
        await source.OpenAsync(ct);
        await using var destination = new SqliteConnection($"Data Source={target};Pooling=False");
        await destination.OpenAsync(ct);
        source.BackupDatabase(destination);
        Console.WriteLine($"已备份到 {target}");
        return 0;
    }

    public static async Task<int> RestoreAsync(IConfiguration configuration, Dictionary<string, string> options, CancellationToken ct)
    {
        var settings = DatabaseSettings.From(configuration);
        if (settings.IsPostgres || !options.TryGetValue("from", out var from) || !File.Exists(from))
        {
            Console.Error.WriteLine("用法: restore --from FILE（仅限内嵌 SQLite 数据库，文件必须存在）");
            return 2;
        }
        await using (var check = new SqliteConnection($"Data Source={from};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync(ct);
            await using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            if ((string?)await cmd.ExecuteScalarAsync(ct) != "ok")
            {
                Console.Error.WriteLine("备份文件已损坏，未恢复 (integrity check failed; nothing changed)");
                return 2;
            }
        }
        await using var source = new SqliteConnection($"Data Source={from};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync(ct);
        await using var destination = new SqliteConnection(settings.ConnectionString + ";Pooling=False");
        await destination.OpenAsync(ct);
        source.BackupDatabase(destination);
        Console.WriteLine($"已从 {from} 恢复");
        return 0;
    }
}
