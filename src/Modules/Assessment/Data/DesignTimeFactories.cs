using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Assessment.Data;

internal sealed class SqliteAssessmentDesignFactory : IDesignTimeDbContextFactory<SqliteAssessmentDbContext>
{
    public SqliteAssessmentDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteAssessmentDbContext>("assessment"), new SystemActor(), TimeProvider.System);
}

internal sealed class PostgresAssessmentDesignFactory : IDesignTimeDbContextFactory<PostgresAssessmentDbContext>
{
    public PostgresAssessmentDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresAssessmentDbContext>("assessment"), new SystemActor(), TimeProvider.System);
}
