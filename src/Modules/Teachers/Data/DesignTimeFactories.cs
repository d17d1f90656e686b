using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Teachers.Data;

internal sealed class SqliteTeachersDesignFactory : IDesignTimeDbContextFactory<SqliteTeachersDbContext>
{
    public SqliteTeachersDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteTeachersDbContext>("teachers"), new SystemActor(), TimeProvider.System, new TeacherCensusChangeFeed());
}

internal sealed class PostgresTeachersDesignFactory : IDesignTimeDbContextFactory<PostgresTeachersDbContext>
{
    public PostgresTeachersDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresTeachersDbContext>("teachers"), new SystemActor(), TimeProvider.System, new TeacherCensusChangeFeed());
}
