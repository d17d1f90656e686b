using EduCloud.Kernel.Audit;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Kernel.Data;

/// <summary>Owns the audit_log table (and its migrations). Module contexts map the same table without migrating it.</summary>
public class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "kernel";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AuditModel.Configure(modelBuilder, Database.IsNpgsql(), excludeFromMigrations: false);
    }
}

public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

internal static class AuditModel
{
    public static void Configure(ModelBuilder modelBuilder, bool usesSchemas, bool excludeFromMigrations)
    {
        var entity = modelBuilder.Entity<AuditEntry>();
        entity.ToTable("audit_log", usesSchemas ? AuditDbContext.Schema : null, t =>
        {
            if (excludeFromMigrations)
            {
                t.ExcludeFromMigrations();
            }
        });
        entity.HasKey(e => e.Id);
        entity.Property(e => e.ActorName).HasMaxLength(100);
        entity.Property(e => e.Action).HasMaxLength(40);
        entity.Property(e => e.EntityType).HasMaxLength(60);
        entity.Property(e => e.EntityId).HasMaxLength(64);
        entity.Property(e => e.Details).HasMaxLength(1000);
        entity.Property(e => e.ClientAddress).HasMaxLength(64);
        entity.Property(e => e.ProvinceCode).HasMaxLength(6);
        entity.Property(e => e.CityCode).HasMaxLength(6);
        entity.Property(e => e.CountyCode).HasMaxLength(6);
        entity.HasIndex(e => e.At);
        entity.HasIndex(e => new { e.CountyCode, e.At });
        entity.HasIndex(e => new { e.SchoolId, e.At });
    }
}
