using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Lessons.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Data;

/// <summary>一师一优课 tables (schema <c>lessons</c>, tables <c>les_*</c>).</summary>
internal class LessonsDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "lessons";

    public DbSet<ContestRound> Rounds => Set<ContestRound>();
    public DbSet<RubricCriterion> Criteria => Set<RubricCriterion>();
    public DbSet<RegionQuota> Quotas => Set<RegionQuota>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<Score> Scores => Set<Score>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContestRound>(e =>
        {
            e.ToTable("les_round");
            e.HasKey(r => r.Id);
            e.Property(r => r.Name).HasMaxLength(100);
            ScopeColumns.Configure(e);
            e.HasIndex(r => new { r.Year, r.ProvinceCode });
        });
        modelBuilder.Entity<RubricCriterion>(e =>
        {
            e.ToTable("les_criterion");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(50);
            e.HasIndex(c => new { c.RoundId, c.SortOrder });
        });
        modelBuilder.Entity<RegionQuota>(e =>
        {
            e.ToTable("les_quota");
            e.HasKey(q => q.Id);
            e.Property(q => q.RegionCode).HasMaxLength(6);
            ScopeColumns.Configure(e);
            e.HasIndex(q => new { q.RoundId, q.RegionCode }).IsUnique();
        });
        modelBuilder.Entity<Entry>(e =>
        {
            e.ToTable("les_entry");
            e.HasKey(x => x.Id);
            e.Ignore(x => x.PersonId);
            e.Property(x => x.TeacherName).HasMaxLength(100);
            e.Property(x => x.SchoolName).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.StageCode).HasMaxLength(20);
            e.Property(x => x.SubjectCode).HasMaxLength(20);
            e.Property(x => x.GradeCode).HasMaxLength(4);
            e.Property(x => x.Edition).HasMaxLength(100);
            e.Property(x => x.CataloguePath).HasMaxLength(400);
            e.Property(x => x.Revision).IsConcurrencyToken();
            ScopeColumns.Configure(e);
            // 一师一课: one entry per teacher per round, also under concurrent submissions.
            e.HasIndex(x => new { x.RoundId, x.TeacherId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.CountyCode, x.Status });
            e.HasIndex(x => new { x.RoundId, x.Award });
        });
        modelBuilder.Entity<Score>(e =>
        {
            e.ToTable("les_score");
            e.HasKey(s => s.Id);
            e.Property(s => s.ReviewerName).HasMaxLength(100);
            e.Property(s => s.Comment).HasMaxLength(500);
            e.HasIndex(s => new { s.EntryId, s.Level, s.ReviewerId }).IsUnique();
        });
    }
}

internal sealed class SqliteLessonsDbContext(DbContextOptions<SqliteLessonsDbContext> options, ICurrentActor actor, TimeProvider clock)
    : LessonsDbContext(options, actor, clock);

internal sealed class PostgresLessonsDbContext(DbContextOptions<PostgresLessonsDbContext> options, ICurrentActor actor, TimeProvider clock)
    : LessonsDbContext(options, actor, clock);
