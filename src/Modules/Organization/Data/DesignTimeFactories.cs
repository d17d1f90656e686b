using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Design;

namespace EduCloud.Organization.Data;

internal sealed class SqliteOrganizationDesignFactory : IDesignTimeDbContextFactory<SqliteOrganizationDbContext>
{
    public SqliteOrganizationDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteOrganizationDbContext>("organization"), new SystemActor(), TimeProvider.System, new Features.Schools.SchoolTotals(TimeProvider.System));
}

internal sealed class PostgresOrganizationDesignFactory : IDesignTimeDbContextFactory<PostgresOrganizationDbContext>
{
    public PostgresOrganizationDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresOrganizationDbContext>("organization"), new SystemActor(), TimeProvider.System, new Features.Schools.SchoolTotals(TimeProvider.System));
}
