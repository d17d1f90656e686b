using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Monitoring.Data;

internal sealed class SqliteMonitoringDesignFactory : IDesignTimeDbContextFactory<SqliteMonitoringDbContext>
{
    public SqliteMonitoringDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteMonitoringDbContext>("monitoring"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresMonitoringDesignFactory : IDesignTimeDbContextFactory<PostgresMonitoringDbContext>
{
    public PostgresMonitoringDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresMonitoringDbContext>("monitoring"), new SystemActor(), TimeProvider.System);
}
