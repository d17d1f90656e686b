using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Resources.Data;

internal sealed class SqliteResourcesDesignFactory : IDesignTimeDbContextFactory<SqliteResourcesDbContext>
{
    public SqliteResourcesDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteResourcesDbContext>("resources"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresResourcesDesignFactory : IDesignTimeDbContextFactory<PostgresResourcesDbContext>
{
    public PostgresResourcesDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresResourcesDbContext>("resources"), new SystemActor(), TimeProvider.System);
}
