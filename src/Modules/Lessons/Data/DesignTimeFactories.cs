using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Lessons.Data;

internal sealed class SqliteLessonsDesignFactory : IDesignTimeDbContextFactory<SqliteLessonsDbContext>
{
    public SqliteLessonsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteLessonsDbContext>("lessons"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresLessonsDesignFactory : IDesignTimeDbContextFactory<PostgresLessonsDbContext>
{
    public PostgresLessonsDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresLessonsDbContext>("lessons"), new SystemActor(), TimeProvider.System);
}
