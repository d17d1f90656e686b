using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Teachers.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Data;

internal class TeachersDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "teachers";

    public DbSet<TeacherRecord> Teachers => Set<TeacherRecord>();
    public DbSet<TeacherChange> Changes => Set<TeacherChange>();
    public DbSet<TeacherTransfer> Transfers => Set<TeacherTransfer>();
    public DbSet<TransferStep> TransferSteps => Set<TransferStep>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TeacherRecord>(e =>
        {
            e.ToTable("tch_teacher");
            e.HasKey(t => t.Id);
            ScopeColumns.Configure(e);
            e.Ignore(t => t.PersonId);
            e.Property(t => t.TeacherNumber).HasMaxLength(TeacherNumber.Length);
            e.HasIndex(t => t.TeacherNumber).IsUnique();
            e.Property(t => t.Name).HasMaxLength(50);
            e.Property(t => t.CitizenIdHash).HasMaxLength(64);
            e.Property(t => t.CitizenIdMasked).HasMaxLength(18);
            // One record per person: a teacher who moves is transferred, not registered twice.
            e.HasIndex(t => t.CitizenIdHash).IsUnique();
            e.Property(t => t.EthnicityCode).HasMaxLength(2);
            e.Property(t => t.EducationCode).HasMaxLength(2);
            e.Property(t => t.TitleCode).HasMaxLength(2);
            e.Property(t => t.MainSubjectCode).HasMaxLength(2);
            e.HasIndex(t => t.AccountId);
            e.HasIndex(t => new { t.SchoolId, t.Status });
            e.Property(t => t.Version).IsConcurrencyToken();
            e.OwnsMany(t => t.Qualifications, q => q.ToJson("qualifications"));
            e.OwnsMany(t => t.Assignments, a => a.ToJson("assignments"));
            e.OwnsMany(t => t.Training, r => r.ToJson("training"));
        });
        modelBuilder.Entity<TeacherChange>(e =>
        {
            e.ToTable("tch_change");
            e.HasKey(c => c.Id);
            ScopeColumns.Configure(e);
            e.Property(c => c.FromSchoolName).HasMaxLength(100);
            e.Property(c => c.ToSchoolName).HasMaxLength(100);
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.RecordedByName).HasMaxLength(100);
            e.HasIndex(c => new { c.TeacherId, c.RecordedAt });
        });
        modelBuilder.Entity<TeacherTransfer>(e =>
        {
            e.ToTable("tch_transfer");
            e.HasKey(t => t.Id);
            e.Property(t => t.TeacherNumber).HasMaxLength(TeacherNumber.Length);
            e.Property(t => t.TeacherName).HasMaxLength(50);
            e.Property(t => t.FromSchoolName).HasMaxLength(100);
            e.Property(t => t.ToSchoolName).HasMaxLength(100);
            e.Property(t => t.Reason).HasMaxLength(500);
            e.Property(t => t.StartedByName).HasMaxLength(100);
            e.HasIndex(t => new { t.TeacherId, t.Status });
            e.HasMany(t => t.Steps).WithOne().HasForeignKey(s => s.TransferId);
        });
        modelBuilder.Entity<TransferStep>(e =>
        {
            e.ToTable("tch_transfer_step");
            e.HasKey(s => s.Id);
            ScopeColumns.Configure(e);
            e.Property(s => s.DecidedByName).HasMaxLength(100);
            e.Property(s => s.Note).HasMaxLength(500);
            e.HasIndex(s => new { s.TransferId, s.Order }).IsUnique();
        });
    }
}

internal sealed class SqliteTeachersDbContext(DbContextOptions<SqliteTeachersDbContext> options, ICurrentActor actor, TimeProvider clock)
    : TeachersDbContext(options, actor, clock);

internal sealed class PostgresTeachersDbContext(DbContextOptions<PostgresTeachersDbContext> options, ICurrentActor actor, TimeProvider clock)
    : TeachersDbContext(options, actor, clock);
