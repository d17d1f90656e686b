using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Data;

/// <summary>The resource platform's own tables (schema <c>resources</c>, tables <c>res_*</c>).</summary>
internal class ResourcesDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "resources";

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal sealed class SqliteResourcesDbContext(DbContextOptions<SqliteResourcesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ResourcesDbContext(options, actor, clock);

internal sealed class PostgresResourcesDbContext(DbContextOptions<PostgresResourcesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ResourcesDbContext(options, actor, clock);
