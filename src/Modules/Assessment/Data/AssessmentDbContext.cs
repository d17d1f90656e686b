using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Data;

/// <summary>Item bank and self-test tables (schema <c>assessment</c>, tables <c>asm_*</c>).</summary>
internal class AssessmentDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "assessment";

    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemEdition> ItemEditions => Set<ItemEdition>();
    public DbSet<Quiz> Quizzes => Set<Quiz>();
    public DbSet<QuizItem> QuizItems => Set<QuizItem>();
    public DbSet<QuizClass> QuizClasses => Set<QuizClass>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<Answer> Answers => Set<Answer>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Item>(e =>
        {
            e.ToTable("asm_item");
            e.HasKey(x => x.Id);
            e.Ignore(x => x.PersonId);
            e.Property(x => x.Stem).HasMaxLength(4000);
            e.Property(x => x.ReferenceAnswer).HasMaxLength(4000);
            e.Property(x => x.StageCode).HasMaxLength(20);
            e.Property(x => x.SubjectCode).HasMaxLength(20);
            e.Property(x => x.OwnerName).HasMaxLength(100);
            e.OwnsMany(x => x.Options, o => o.ToJson("options"));
            e.OwnsMany(x => x.Blanks, b => b.ToJson("blanks"));
            ScopeColumns.Configure(e);
            e.HasIndex(x => new { x.OwnerId, x.UpdatedAt });
            e.HasIndex(x => new { x.SchoolId, x.Shared });
        });
        modelBuilder.Entity<ItemEdition>(e =>
        {
            e.ToTable("asm_item_edition");
            e.HasKey(x => x.Id);
            e.Property(x => x.Stem).HasMaxLength(4000);
            e.Property(x => x.ReferenceAnswer).HasMaxLength(4000);
            e.Property(x => x.SubjectCode).HasMaxLength(20);
            e.OwnsMany(x => x.Options, o => o.ToJson("options"));
            e.OwnsMany(x => x.Blanks, b => b.ToJson("blanks"));
            e.HasIndex(x => new { x.ItemId, x.Version }).IsUnique();
        });
        modelBuilder.Entity<Quiz>(e =>
        {
            e.ToTable("asm_quiz");
            e.HasKey(x => x.Id);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.OwnerName).HasMaxLength(100);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.QuizId);
            e.HasMany(x => x.Classes).WithOne().HasForeignKey(c => c.QuizId);
            e.HasIndex(x => x.OwnerId);
        });
        modelBuilder.Entity<QuizItem>(e =>
        {
            e.ToTable("asm_quiz_item");
            e.HasKey(x => x.Id);
            e.Property(x => x.Stem).HasMaxLength(4000);
            e.Property(x => x.ReferenceAnswer).HasMaxLength(4000);
            e.OwnsMany(x => x.Options, o => o.ToJson("options"));
            e.OwnsMany(x => x.Blanks, b => b.ToJson("blanks"));
            e.HasIndex(x => new { x.QuizId, x.Position });
        });
        modelBuilder.Entity<QuizClass>(e =>
        {
            e.ToTable("asm_quiz_class");
            e.HasKey(x => x.Id);
            e.Property(x => x.ClassName).HasMaxLength(100);
            e.HasIndex(x => new { x.ClassId, x.QuizId }).IsUnique();
        });
        modelBuilder.Entity<Attempt>(e =>
        {
            e.ToTable("asm_attempt");
            e.HasKey(x => x.Id);
            e.Ignore(x => x.PersonId);
            e.Property(x => x.StudentName).HasMaxLength(100);
            e.Property(x => x.Score).HasPrecision(8, 2);
            ScopeColumns.Configure(e);
            // Starting twice (a double click, a retry) cannot make two rows with the same number.
            e.HasIndex(x => new { x.QuizId, x.StudentId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.StudentId, x.StartedAt });
        });
        modelBuilder.Entity<Answer>(e =>
        {
            e.ToTable("asm_answer");
            e.HasKey(x => x.Id);
            e.Ignore(x => x.PersonId);
            e.Property(x => x.Score).HasPrecision(8, 2);
            e.Property(x => x.Comment).HasMaxLength(1000);
            ScopeColumns.Configure(e);
            e.HasIndex(x => new { x.AttemptId, x.QuizItemId }).IsUnique();
            e.HasIndex(x => new { x.QuizId, x.QuizItemId });
        });
    }
}

internal sealed class SqliteAssessmentDbContext(DbContextOptions<SqliteAssessmentDbContext> options, ICurrentActor actor, TimeProvider clock)
    : AssessmentDbContext(options, actor, clock);

internal sealed class PostgresAssessmentDbContext(DbContextOptions<PostgresAssessmentDbContext> options, ICurrentActor actor, TimeProvider clock)
    : AssessmentDbContext(options, actor, clock);
