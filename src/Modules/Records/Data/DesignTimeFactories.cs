using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Records.Data;

internal sealed class SqliteRecordsDesignFactory : IDesignTimeDbContextFactory<SqliteRecordsDbContext>
{
    public SqliteRecordsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteRecordsDbContext>("records"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresRecordsDesignFactory : IDesignTimeDbContextFactory<PostgresRecordsDbContext>
{
    public PostgresRecordsDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresRecordsDbContext>("records"), new SystemActor(), TimeProvider.System);
}
