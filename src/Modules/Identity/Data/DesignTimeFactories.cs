using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Identity.Data;

internal sealed class SqliteIdentityDesignFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteIdentityDbContext>("identity"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresIdentityDesignFactory : IDesignTimeDbContextFactory<PostgresIdentityDbContext>
{
    public PostgresIdentityDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresIdentityDbContext>("identity"), new SystemActor(), TimeProvider.System);
}
