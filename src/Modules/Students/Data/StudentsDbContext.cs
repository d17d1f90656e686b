using EduCloud.Kernel.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EduCloud.Students.Data;

internal class StudentsDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock, CensusChangeFeed feed)
    : ScopedDbContext(options, actor, clock)
{
    private readonly HashSet<Guid> _censusChanged = [];

    protected override string ModuleSchema => "students";

    public DbSet<StudentRecord> Students => Set<StudentRecord>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<SchoolCensus> Census => Set<SchoolCensus>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<TransferParty> TransferParties => Set<TransferParty>();
    public DbSet<DuplicateCase> DuplicateCases => Set<DuplicateCase>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StudentRecord>(e =>
        {
            e.ToTable("stu_student");
            e.HasKey(s => s.Id);
            // No SchoolId index of its own: (SchoolId, Status, Stage, GradeLevel) below serves every SchoolId look-up
            // and a second index only cost each insert (ADR 0020).
            ScopeColumns.Configure(e, ScopeIndexes.All & ~ScopeIndexes.School);
            e.Property(s => s.StudentNumber).HasMaxLength(19);
            if (Database.IsNpgsql())
            {
                // The cluster's C.UTF-8 is not "C" to PostgreSQL 15: every comparison of this random-order unique key
                // (each imported row descends the index) went through strcoll with copies. The numbers are ASCII, so
                // byte order is the order they had. SQLite compares bytes already. ADR 0027.
                e.Property(s => s.StudentNumber).UseCollation("C");
            }
            e.HasIndex(s => s.StudentNumber).IsUnique();
            e.Property(s => s.Name).HasMaxLength(50);
            // The keyed hash is kept as its 32 bytes (bytea / BLOB), not 64 hex characters: half the index every imported
            // row descends at a random place, compared with memcmp. The model keeps the hex text (ADR 0027).
            e.Property(s => s.CitizenIdHash).HasConversion(HashBytes);
            e.Property(s => s.CitizenIdMasked).HasMaxLength(18);
            // Not unique: the same person enrolled at two schools is a duplicate case to resolve, not an error to hide.
            e.HasIndex(s => s.CitizenIdHash);
            e.Property(s => s.EthnicityCode).HasMaxLength(2);
            e.Property(s => s.HukouRegionCode).HasMaxLength(6);
            e.Property(s => s.AddressMasked).HasMaxLength(100);
            e.Property(s => s.ConsentGuardianName).HasMaxLength(50);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasIndex(s => new { s.SchoolId, s.Status, s.Stage, s.GradeLevel });
            e.OwnsMany(s => s.Guardians, g =>
            {
                g.ToJson("guardians");
            });
        });
        modelBuilder.Entity<StatusChange>(e =>
        {
            e.ToTable("stu_status_change");
            e.HasKey(c => c.Id);
            // History: read per student through (StudentId, RecordedAt), never listed by place or by batch, so no
            // scope-column or BatchId indexes; every imported student writes one row here (ADR 0020).
            ScopeColumns.Configure(e, ScopeIndexes.None);
            e.Property(c => c.ReasonCode).HasMaxLength(4);
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.RecordedByName).HasMaxLength(100);
            e.HasIndex(c => new { c.StudentId, c.RecordedAt });
        });
        ConfigureTransfers(modelBuilder);
        modelBuilder.Entity<ImportJob>(e =>
        {
            e.ToTable("stu_import_job");
            e.HasKey(j => j.Id);
            ScopeColumns.Configure(e);
            e.Property(j => j.FileName).HasMaxLength(200);
            e.Property(j => j.FileHash).HasMaxLength(64);
            e.Property(j => j.StoredFile).HasMaxLength(300);
            e.Property(j => j.ErrorReport).HasMaxLength(300);
            e.Property(j => j.Message).HasMaxLength(500);
            e.Property(j => j.RequestedByName).HasMaxLength(100);
            e.HasIndex(j => new { j.SchoolId, j.CreatedAt });
        });
        modelBuilder.Entity<SchoolCensus>(e =>
        {
            // One row per school, its cells packed (ADR 0033); the row is what a change locks.
            e.ToTable("stu_census_school");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedOnAdd();
            ScopeColumns.Configure(e, ScopeIndexes.Province | ScopeIndexes.City | ScopeIndexes.County);
            e.HasIndex(c => c.SchoolId).IsUnique();
        });
    }

    /// <summary>Hex text of PersonalDataProtector.Hash in the model, its 32 bytes in the column.</summary>
    internal static readonly ValueConverter<string?, byte[]> HashBytes = new(hex => Convert.FromHexString(hex!), bytes => Convert.ToHexString(bytes));

    private static void ConfigureTransfers(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Transfer>(e =>
        {
            e.ToTable("stu_transfer");
            e.HasKey(t => t.Id);
            // Not a scoped row (two places): no scope columns; reads go through stu_transfer_party. ADR 0008.
            e.Property(t => t.ToProvinceCode).HasMaxLength(6);
            e.Property(t => t.ToCityCode).HasMaxLength(6);
            e.Property(t => t.ToCountyCode).HasMaxLength(6);
            e.HasIndex(t => t.StartedAt);
            e.Property(t => t.StudentNumber).HasMaxLength(19);
            e.Property(t => t.StudentName).HasMaxLength(50);
            // One open transfer per student, enforced by the database even when two schools start one at once.
            e.HasIndex(t => t.OpenStudentId).IsUnique();
            e.HasIndex(t => t.StudentId);
            e.Property(t => t.ReasonCode).HasMaxLength(4);
            e.Property(t => t.Note).HasMaxLength(500);
            e.Property(t => t.RejectionReason).HasMaxLength(500);
            e.Property(t => t.FromSchoolName).HasMaxLength(100);
            e.Property(t => t.ToSchoolName).HasMaxLength(100);
            e.Property(t => t.ToClassName).HasMaxLength(100);
            e.Property(t => t.FromProvinceCode).HasMaxLength(6);
            e.Property(t => t.FromCityCode).HasMaxLength(6);
            e.Property(t => t.FromCountyCode).HasMaxLength(6);
            e.Property(t => t.StartedByName).HasMaxLength(100);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.Ignore(t => t.FromKey);
            e.Ignore(t => t.ToKey);
            e.Ignore(t => t.CurrentStep);
            e.OwnsMany(t => t.Steps, st =>
            {
                st.ToJson("steps");
                st.Ignore(x => x.Node);
            });
        });
        modelBuilder.Entity<TransferParty>(e =>
        {
            e.ToTable("stu_transfer_party");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedOnAdd();
            ScopeColumns.Configure(e);
            e.HasIndex(p => new { p.TransferId, p.Side }).IsUnique();
        });
        modelBuilder.Entity<DuplicateCase>(e =>
        {
            e.ToTable("stu_duplicate_case");
            e.HasKey(c => c.Id);
            ScopeColumns.Configure(e);
            e.Property(c => c.CitizenIdHash).HasMaxLength(64);
            e.HasIndex(c => new { c.StudentAId, c.StudentBId }).IsUnique();
            e.HasIndex(c => c.Status);
            e.Property(c => c.ReasonCode).HasMaxLength(4);
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.ResolvedByName).HasMaxLength(100);
        });
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<StudentRecord>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }

        var deltas = CensusKeeper.TakeDeltas(this);
        if (deltas.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // The census moves in the same transaction as the records it counts; a caller's open transaction is joined.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            int saved;
            try
            {
                saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (ForbiddenException) when (own is not null)
            {
                // The refusal wrote only its audit line (the guard discarded the change): keep that line.
                await own.CommitAsync(cancellationToken);
                throw;
            }
            await CensusKeeper.ApplyAsync(this, deltas, cancellationToken);
            _censusChanged.UnionWith(deltas.Keys.Select(c => c.SchoolId));
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
                PublishCensusChanges();
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Commits a transaction the caller opened, then tells the statistics which schools changed. Use this rather than
    /// transaction.CommitAsync when a transaction spans several saves or a recount.
    /// </summary>
    public async Task CommitAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        await transaction.CommitAsync(ct);
        PublishCensusChanges();
    }

    internal void MarkCensusChanged(IEnumerable<Guid> schoolIds) => _censusChanged.UnionWith(schoolIds);

    private void PublishCensusChanges()
    {
        if (_censusChanged.Count > 0)
        {
            feed.Publish(_censusChanged.ToArray());
            _censusChanged.Clear();
        }
    }
}

internal sealed class SqliteStudentsDbContext(DbContextOptions<SqliteStudentsDbContext> options, ICurrentActor actor, TimeProvider clock, CensusChangeFeed feed)
    : StudentsDbContext(options, actor, clock, feed);

internal sealed class PostgresStudentsDbContext(DbContextOptions<PostgresStudentsDbContext> options, ICurrentActor actor, TimeProvider clock, CensusChangeFeed feed)
    : StudentsDbContext(options, actor, clock, feed);
