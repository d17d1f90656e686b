using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Teachers.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Data;

internal class TeachersDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock, TeacherCensusChangeFeed feed)
    : ScopedDbContext(options, actor, clock)
{
    /// <summary>Schools whose teacher census changed in saves not yet committed (inside a handler's transaction).</summary>
    private readonly HashSet<Guid> _censusChanged = [];

    protected override string ModuleSchema => "teachers";

    public DbSet<TeacherRecord> Teachers => Set<TeacherRecord>();
    public DbSet<TeacherChange> Changes => Set<TeacherChange>();
    public DbSet<TeacherTransfer> Transfers => Set<TeacherTransfer>();
    public DbSet<TransferStep> TransferSteps => Set<TransferStep>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(TeacherCommitHook.Instance);

    /// <summary>
    /// Saves, then tells the statistics which schools' teachers changed once the change is committed: at once when
    /// no transaction is open (the save committed itself), else when the handler's transaction commits
    /// (<see cref="TeacherCommitHook"/>). Both the old and the new school count: a transfer or a status change moves
    /// a teacher out of one school's figures.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var schools = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries<TeacherRecord>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (entry.Entity.SchoolId is { } now)
            {
                schools.Add(now);
            }
            if (entry.State != EntityState.Added && entry.OriginalValues[nameof(TeacherRecord.SchoolId)] is Guid before)
            {
                schools.Add(before);
            }
        }
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        _censusChanged.UnionWith(schools);
        if (Database.CurrentTransaction is null)
        {
            PublishCensusChanges();
        }
        return saved;
    }

    internal void PublishCensusChanges()
    {
        if (_censusChanged.Count > 0)
        {
            feed.Publish(_censusChanged.ToArray());
            _censusChanged.Clear();
        }
    }

    internal void DiscardCensusChanges() => _censusChanged.Clear();

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

internal sealed class SqliteTeachersDbContext(DbContextOptions<SqliteTeachersDbContext> options, ICurrentActor actor, TimeProvider clock, TeacherCensusChangeFeed feed)
    : TeachersDbContext(options, actor, clock, feed);

internal sealed class PostgresTeachersDbContext(DbContextOptions<PostgresTeachersDbContext> options, ICurrentActor actor, TimeProvider clock, TeacherCensusChangeFeed feed)
    : TeachersDbContext(options, actor, clock, feed);
