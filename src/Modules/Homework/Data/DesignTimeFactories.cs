using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Homework.Data;

internal sealed class SqliteHomeworkDesignFactory : IDesignTimeDbContextFactory<SqliteHomeworkDbContext>
{
    public SqliteHomeworkDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteHomeworkDbContext>("homework"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresHomeworkDesignFactory : IDesignTimeDbContextFactory<PostgresHomeworkDbContext>
{
    public PostgresHomeworkDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresHomeworkDbContext>("homework"), new SystemActor(), TimeProvider.System);
}
