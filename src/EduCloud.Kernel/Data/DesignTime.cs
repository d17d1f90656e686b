using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Kernel.Data;

/// <summary>Options for `dotnet ef migrations add` only; never used at run time.</summary>
public static class DesignTime
{
    public const string PostgresConnection = "Host=localhost;Database=educloud_design;Username=postgres";

    public static DbContextOptions<T> Sqlite<T>(string module)
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable("__migrations_" + module)).Options;

    public static DbContextOptions<T> Postgres<T>(string module)
        where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql(PostgresConnection, x => x.MigrationsHistoryTable("__migrations", module)).Options;
}

internal sealed class SqliteAuditDesignFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteAuditDbContext>("kernel"));
}

internal sealed class PostgresAuditDesignFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresAuditDbContext>("kernel"));
}
