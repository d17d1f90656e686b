using EduCloud.Homework.Domain;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Data;

/// <summary>Homework tables (schema <c>homework</c>, tables <c>hw_*</c>).</summary>
internal class HomeworkDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "homework";

    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Criterion> Criteria => Set<Criterion>();
    public DbSet<HomeworkFile> Files => Set<HomeworkFile>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionVersion> Versions => Set<SubmissionVersion>();
    public DbSet<FileComment> FileComments => Set<FileComment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Assignment>(e =>
        {
            e.ToTable("hw_assignment");
            e.HasKey(a => a.Id);
            e.Property(a => a.TeacherName).HasMaxLength(100);
            e.Property(a => a.ClassName).HasMaxLength(100);
            e.Property(a => a.Title).HasMaxLength(200);
            e.Property(a => a.Instructions).HasMaxLength(10000);
            e.Property(a => a.Subject).HasMaxLength(50);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.OwnsMany(a => a.Items, i => i.ToJson("items"));
            ScopeColumns.Configure(e);
            e.HasIndex(a => new { a.ClassId, a.DueAt });
            e.HasIndex(a => a.SetId);
        });
        modelBuilder.Entity<Criterion>(e =>
        {
            e.ToTable("hw_criterion");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(100);
            e.HasIndex(c => new { c.AssignmentId, c.SortOrder });
        });
        modelBuilder.Entity<HomeworkFile>(e =>
        {
            e.ToTable("hw_file");
            e.HasKey(f => f.Id);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.Format).HasMaxLength(10);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.FileName).HasMaxLength(200);
            e.HasIndex(f => f.UploadedBy);
        });
        modelBuilder.Entity<Submission>(e =>
        {
            e.ToTable("hw_submission");
            e.HasKey(s => s.Id);
            e.Ignore(s => s.PersonId);
            e.Property(s => s.StudentName).HasMaxLength(100);
            e.Property(s => s.Text).HasMaxLength(20000);
            e.Property(s => s.Comment).HasMaxLength(2000);
            e.Property(s => s.Revision).IsConcurrencyToken();
            e.OwnsMany(s => s.Answers, a => a.ToJson("answers"));
            ScopeColumns.Configure(e);
            // One submission per student and assignment, also when two first submissions race.
            e.HasIndex(s => new { s.AssignmentId, s.StudentId }).IsUnique();
            e.HasIndex(s => s.StudentId);
        });
        modelBuilder.Entity<SubmissionVersion>(e =>
        {
            e.ToTable("hw_submission_version");
            e.HasKey(v => v.Id);
            e.Ignore(v => v.PersonId);
            e.Property(v => v.IdempotencyKey).HasMaxLength(100);
            e.Property(v => v.Text).HasMaxLength(20000);
            ScopeColumns.Configure(e);
            // The idempotency key: the same key from the same student is one submission, whatever the timing.
            e.HasIndex(v => new { v.StudentId, v.IdempotencyKey }).IsUnique();
            e.HasIndex(v => new { v.SubmissionId, v.Number }).IsUnique();
        });
        modelBuilder.Entity<FileComment>(e =>
        {
            e.ToTable("hw_file_comment");
            e.HasKey(c => c.Id);
            e.Ignore(c => c.PersonId);
            e.Property(c => c.Anchor).HasMaxLength(100);
            e.Property(c => c.Text).HasMaxLength(2000);
            e.Property(c => c.AuthorName).HasMaxLength(100);
            ScopeColumns.Configure(e);
            e.HasIndex(c => c.SubmissionId);
        });
    }
}

internal sealed class SqliteHomeworkDbContext(DbContextOptions<SqliteHomeworkDbContext> options, ICurrentActor actor, TimeProvider clock)
    : HomeworkDbContext(options, actor, clock);

internal sealed class PostgresHomeworkDbContext(DbContextOptions<PostgresHomeworkDbContext> options, ICurrentActor actor, TimeProvider clock)
    : HomeworkDbContext(options, actor, clock);
