using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Data;

/// <summary>The learning record store's tables (schema <c>records</c>, tables <c>rec_*</c>).</summary>
internal class RecordsDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "records";

    public DbSet<StoredStatement> Statements => Set<StoredStatement>();
    public DbSet<StatementLink> Links => Set<StatementLink>();
    public DbSet<StoredAttachment> Attachments => Set<StoredAttachment>();
    public DbSet<KnownActivity> Activities => Set<KnownActivity>();
    public DbSet<LrsDocument> Documents => Set<LrsDocument>();
    public DbSet<LrsClient> Clients => Set<LrsClient>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        // The cluster's C.UTF-8 is not "C" to PostgreSQL 15: every b-tree comparison of a text key went through
        // strcoll with both values copied (varstr_cmp). xAPI IRIs and keys are compared exactly and never sorted for
        // people, so the indexed text keys compare bytes on PostgreSQL; SQLite's BINARY already does (ADR 0039).
        var bytes = Database.IsNpgsql();
        modelBuilder.Entity<StoredStatement>(e =>
        {
            e.ToTable("rec_statement");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.VerbId).HasMaxLength(2048);
            if (bytes) { e.Property(s => s.VerbId).UseCollation("C"); }
            e.Property(s => s.ActorKey).HasMaxLength(2048);
            e.Property(s => s.ActivityId).HasMaxLength(2048);
            e.Property(s => s.SubmittedHash).HasMaxLength(64);
            e.Property(s => s.ProvinceCode).HasMaxLength(6);
            e.Property(s => s.CityCode).HasMaxLength(6);
            e.Property(s => s.CountyCode).HasMaxLength(6);
            // Every query walks (Voided, Stored) in stream order; the filters narrow by their own column first.
            e.HasIndex(s => new { s.Voided, s.Stored });
            // The verb filter walks the verb's 4-byte hash, not the IRI (ADR 0040): a smaller index with cheaper
            // comparisons on every insert; the filter compares VerbId on the statement it fetches anyway.
            e.HasIndex(s => new { s.VerbHash, s.Stored });
            // No (ActivityId, Stored) index: the plain activity filter walks the object's primary link instead (the same
            // statements, ADR 0032). It was a random-key index that missed the buffer cache once per stored statement.
            // Partial: most statements have no registration and nearly none a StatementRef object, and every statement
            // paid an entry in both (ingest CPU and store size; the queries name the column, so they match the filter).
            e.HasIndex(s => new { s.Registration, s.Stored }).HasFilter("\"Registration\" IS NOT NULL");
            e.HasIndex(s => s.TargetId).HasFilter("\"TargetId\" IS NOT NULL");
            e.HasIndex(s => new { s.PersonId, s.Stored });
            // related_agents with a writer's authority walks the writer's statements here: the authority is not a link (ADR 0043).
            e.HasIndex(s => new { s.WrittenBy, s.Stored });
            // Partial: statements about people outside any class (outside tools' own learners, staff) have no class, and
            // each of them paid a NULL entry here for nothing; the class scope compares ClassId with a value, which
            // implies the filter on both databases (ADR 0043).
            e.HasIndex(s => new { s.ClassId, s.Stored }).HasFilter("\"ClassId\" IS NOT NULL");
        });
        modelBuilder.Entity<StatementLink>(e =>
        {
            e.ToTable("rec_statement_link");
            // Written only by StatementRows (COPY / prepared INSERT) and read only through the index below.
            e.HasNoKey();
            // Only the hash of kind + key is stored (ADR 0040): the long text key made this index ≈ 2.3× larger and
            // dearer to insert into (3 entries per statement, random keys). The filters re-check the statements.
            e.Ignore(l => l.Kind);
            e.Ignore(l => l.Key);
            // Covering: the agent/activity filters find the newest statement ids of a key, Primary included, from the
            // index alone (an index-only scan), instead of one random heap page of the link table per statement.
            // SQLite has no INCLUDE, so the two columns are trailing key columns on both databases.
            // VerbHash last: the verb filters drop other verbs' links in the index walk, before fetching any statement.
            e.HasIndex(l => new { l.KeyHash, l.Stored, l.StatementId, l.Primary, l.VerbHash });
        });
        modelBuilder.Entity<StoredAttachment>(e =>
        {
            e.ToTable("rec_attachment");
            e.HasKey(a => a.Sha2);
            e.Property(a => a.Sha2).HasMaxLength(128);
            e.Property(a => a.ContentType).HasMaxLength(255);
        });
        modelBuilder.Entity<KnownActivity>(e =>
        {
            e.ToTable("rec_activity");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(2048);
            if (bytes) { e.Property(a => a.Id).UseCollation("C"); }
        });
        modelBuilder.Entity<LrsDocument>(e =>
        {
            e.ToTable("rec_document");
            e.HasKey(d => d.Id);
            e.Property(d => d.ActivityId).HasMaxLength(2048);
            e.Property(d => d.AgentKey).HasMaxLength(2048);
            e.Property(d => d.Registration).HasMaxLength(36);
            e.Property(d => d.DocumentId).HasMaxLength(512);
            e.Property(d => d.ContentType).HasMaxLength(255);
            e.Property(d => d.ETag).HasMaxLength(40);
            e.Property(d => d.ProvinceCode).HasMaxLength(6);
            e.Property(d => d.CityCode).HasMaxLength(6);
            e.Property(d => d.CountyCode).HasMaxLength(6);
            e.HasIndex(d => new { d.Kind, d.ActivityId, d.AgentKey, d.Registration, d.DocumentId }).IsUnique();
        });
        modelBuilder.Entity<LrsClient>(e =>
        {
            e.ToTable("rec_client");
            e.HasKey(c => c.Id);
            e.Property(c => c.Key).HasMaxLength(64);
            e.Property(c => c.SecretHash).HasMaxLength(64);
            e.Property(c => c.Name).HasMaxLength(100);
            e.HasIndex(c => c.Key).IsUnique();
            e.HasIndex(c => c.IssuedBy);
        });
    }
}

internal sealed class SqliteRecordsDbContext(DbContextOptions<SqliteRecordsDbContext> options, ICurrentActor actor, TimeProvider clock)
    : RecordsDbContext(options, actor, clock)
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(SqliteHashFunctions.Instance);
}

internal sealed class PostgresRecordsDbContext(DbContextOptions<PostgresRecordsDbContext> options, ICurrentActor actor, TimeProvider clock)
    : RecordsDbContext(options, actor, clock);
