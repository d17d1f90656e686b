using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Schools;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Data;

internal class OrganizationDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock, SchoolTotals totals)
    : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "organization";

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<TeachingPoint> TeachingPoints => Set<TeachingPoint>();
    public DbSet<AcademicYear> AcademicYears => Set<AcademicYear>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Grade> Grades => Set<Grade>();
    public DbSet<ClassGroup> Classes => Set<ClassGroup>();

    /// <summary>The school list remembers totals (<see cref="SchoolTotals"/>): any saved change to a school makes them stale.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var schoolsChange = ChangeTracker.Entries<School>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            if (schoolsChange)
            {
                totals.SchoolsChanged();
            }
        }
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("org_region");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(6);
            e.Property(r => r.Name).HasMaxLength(50);
            e.Property(r => r.ParentCode).HasMaxLength(6);
            e.Property(r => r.ReplacedBy).HasMaxLength(6);
            e.HasIndex(r => r.ParentCode);
        });
        modelBuilder.Entity<School>(e =>
        {
            e.ToTable("org_school");
            ConfigureScoped(e);
            e.Property(s => s.Code).HasMaxLength(10);
            e.HasIndex(s => s.Code).IsUnique();
            // The school list pages by code within a region and skips retired schools: these let the database
            // read one page in order instead of sorting the whole region (docs/benchmarks.md).
            e.HasIndex(s => new { s.CountyCode, s.RetiredAt, s.Code });
            e.HasIndex(s => new { s.CityCode, s.RetiredAt, s.Code });
            e.HasIndex(s => new { s.ProvinceCode, s.RetiredAt, s.Code });
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.TypeCode).HasMaxLength(2);
            e.Property(s => s.RegionCode).HasMaxLength(6);
            e.Property(s => s.Address).HasMaxLength(200);
        });
        modelBuilder.Entity<TeachingPoint>(e =>
        {
            e.ToTable("org_teaching_point");
            ConfigureScoped(e);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.RegionCode).HasMaxLength(6);
            e.Property(t => t.Address).HasMaxLength(200);
            e.HasIndex(t => t.CentralSchoolId);
        });
        modelBuilder.Entity<AcademicYear>(e =>
        {
            e.ToTable("org_academic_year");
            e.Property(y => y.Name).HasMaxLength(30);
            e.HasIndex(y => y.StartYear).IsUnique();
            e.HasMany(y => y.Terms).WithOne().HasForeignKey(t => t.AcademicYearId);
        });
        modelBuilder.Entity<Term>(e =>
        {
            e.ToTable("org_term");
            e.Property(t => t.Name).HasMaxLength(30);
            e.HasIndex(t => new { t.AcademicYearId, t.Number }).IsUnique();
        });
        modelBuilder.Entity<Grade>(e =>
        {
            e.ToTable("org_grade");
            ConfigureScoped(e);
            e.Property(g => g.Name).HasMaxLength(30);
            e.HasIndex(g => new { g.SchoolId, g.AcademicYearId, g.Stage, g.Level }).IsUnique();
        });
        modelBuilder.Entity<ClassGroup>(e =>
        {
            e.ToTable("org_class");
            ConfigureScoped(e);
            e.Property(c => c.Name).HasMaxLength(50);
            e.HasIndex(c => c.GradeId);
            e.HasIndex(c => new { c.GradeId, c.Number }).IsUnique();
        });
    }

    private static void ConfigureScoped<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : ScopedEntity
    {
        e.HasKey(x => x.Id);
        ScopeColumns.Configure(e);
    }
}

internal sealed class SqliteOrganizationDbContext(DbContextOptions<SqliteOrganizationDbContext> options, ICurrentActor actor, TimeProvider clock, SchoolTotals totals)
    : OrganizationDbContext(options, actor, clock, totals);

internal sealed class PostgresOrganizationDbContext(DbContextOptions<PostgresOrganizationDbContext> options, ICurrentActor actor, TimeProvider clock, SchoolTotals totals)
    : OrganizationDbContext(options, actor, clock, totals);
