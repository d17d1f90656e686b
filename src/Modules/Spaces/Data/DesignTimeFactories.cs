using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Spaces.Data;

internal sealed class SqliteSpacesDesignFactory : IDesignTimeDbContextFactory<SqliteSpacesDbContext>
{
    public SqliteSpacesDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteSpacesDbContext>("spaces"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresSpacesDesignFactory : IDesignTimeDbContextFactory<PostgresSpacesDbContext>
{
    public PostgresSpacesDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresSpacesDbContext>("spaces"), new SystemActor(), TimeProvider.System);
}
