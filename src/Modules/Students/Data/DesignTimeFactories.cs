using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Students.Data;

internal sealed class SqliteStudentsDesignFactory : IDesignTimeDbContextFactory<SqliteStudentsDbContext>
{
    public SqliteStudentsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteStudentsDbContext>("students"), new SystemActor(), TimeProvider.System, new CensusChangeFeed());
}

internal sealed class PostgresStudentsDesignFactory : IDesignTimeDbContextFactory<PostgresStudentsDbContext>
{
    public PostgresStudentsDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresStudentsDbContext>("students"), new SystemActor(), TimeProvider.System, new CensusChangeFeed());
}
