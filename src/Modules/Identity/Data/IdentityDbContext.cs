using EduCloud.Identity.Domain;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Data;

internal class IdentityDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock)
    : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "identity";

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RoleAssignment> Assignments => Set<RoleAssignment>();
    public DbSet<GuardianLink> GuardianLinks => Set<GuardianLink>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("idn_account");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserName).HasMaxLength(64);
            e.Property(a => a.NormalizedUserName).HasMaxLength(64);
            e.HasIndex(a => a.NormalizedUserName).IsUnique();
            e.Property(a => a.DisplayName).HasMaxLength(50);
            e.Property(a => a.CitizenIdCipher).HasMaxLength(400);
            e.Property(a => a.CitizenIdHash).HasMaxLength(64);
            e.HasIndex(a => a.CitizenIdHash).IsUnique();
            e.Property(a => a.CitizenIdMasked).HasMaxLength(18);
            e.Property(a => a.PhoneCipher).HasMaxLength(400);
            e.Property(a => a.PhoneHash).HasMaxLength(64);
            e.HasIndex(a => a.PhoneHash);
            e.Property(a => a.PhoneMasked).HasMaxLength(11);
            e.Property(a => a.PasswordHash).HasMaxLength(200);
            e.Property(a => a.SecurityStamp).HasMaxLength(40);
            e.Ignore(a => a.PersonId);
            ScopeColumns.Configure(e);
        });
        modelBuilder.Entity<RoleAssignment>(e =>
        {
            e.ToTable("idn_role_assignment");
            e.HasKey(a => a.Id);
            e.Property(a => a.RegionCode).HasMaxLength(6);
            e.Property(a => a.Subject).HasMaxLength(20);
            e.HasIndex(a => a.AccountId);
            e.Ignore(a => a.Key);
            ScopeColumns.Configure(e);
        });
        modelBuilder.Entity<GuardianLink>(e =>
        {
            e.ToTable("idn_guardian_link");
            e.HasKey(a => a.Id);
            e.Property(a => a.Relation).HasMaxLength(20);
            e.HasIndex(a => a.ParentId);
            e.HasIndex(a => new { a.ChildId, a.ParentId }).IsUnique();
            ScopeColumns.Configure(e);
        });
        modelBuilder.UseOpenIddict();
    }
}

internal sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options, ICurrentActor actor, TimeProvider clock)
    : IdentityDbContext(options, actor, clock);

internal sealed class PostgresIdentityDbContext(DbContextOptions<PostgresIdentityDbContext> options, ICurrentActor actor, TimeProvider clock)
    : IdentityDbContext(options, actor, clock);
