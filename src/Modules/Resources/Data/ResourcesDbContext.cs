using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Data;

/// <summary>The resource platform's own tables (schema <c>resources</c>, tables <c>res_*</c>).</summary>
internal class ResourcesDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "resources";

    public DbSet<CatalogueNode> CatalogueNodes => Set<CatalogueNode>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ResourceVersion> Versions => Set<ResourceVersion>();
    public DbSet<VersionEvent> Events => Set<VersionEvent>();
    public DbSet<Entitlement> Entitlements => Set<Entitlement>();
    public DbSet<StoredBlob> Blobs => Set<StoredBlob>();
    public DbSet<UploadSession> Uploads => Set<UploadSession>();
    public DbSet<Favourite> Favourites => Set<Favourite>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<ClassPush> Pushes => Set<ClassPush>();
    public DbSet<ClassUse> ClassUses => Set<ClassUse>();
    public DbSet<SchoolBudget> Budgets => Set<SchoolBudget>();
    public DbSet<BudgetAllocation> BudgetAllocations => Set<BudgetAllocation>();
    public DbSet<ResourceOrder> Orders => Set<ResourceOrder>();
    public DbSet<OrderRefund> Refunds => Set<OrderRefund>();
    public DbSet<OaiRecord> OaiRecords => Set<OaiRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatalogueNode>(e =>
        {
            e.ToTable("res_catalogue_node");
            e.HasKey(n => n.Id);
            e.Property(n => n.Code).HasMaxLength(40);
            e.Property(n => n.Name).HasMaxLength(100);
            e.Property(n => n.GradeCode).HasMaxLength(4);
            e.HasIndex(n => new { n.ParentId, n.SortOrder });
        });
        modelBuilder.Entity<Resource>(e =>
        {
            e.ToTable("res_resource");
            e.HasKey(r => r.Id);
            e.Property(r => r.OwnerName).HasMaxLength(100);
            e.Property(r => r.ProviderName).HasMaxLength(100);
            e.Property(r => r.ProvinceCode).HasMaxLength(6);
            e.Property(r => r.CityCode).HasMaxLength(6);
            e.Property(r => r.CountyCode).HasMaxLength(6);
            e.HasIndex(r => r.OwnerId);
            e.HasIndex(r => r.PublishedVersionId);
            e.Ignore(r => r.RatingAverage);
        });
        modelBuilder.Entity<ResourceVersion>(e =>
        {
            e.ToTable("res_version");
            e.HasKey(v => v.Id);
            e.Property(v => v.Title).HasMaxLength(200);
            e.Property(v => v.Description).HasMaxLength(4000);
            e.Property(v => v.TypeCode).HasMaxLength(20);
            e.Property(v => v.LanguageCode).HasMaxLength(8);
            e.Property(v => v.LicenceCode).HasMaxLength(20);
            e.Property(v => v.StageCode).HasMaxLength(20);
            e.Property(v => v.SubjectCode).HasMaxLength(20);
            e.Property(v => v.GradeCode).HasMaxLength(4);
            e.Property(v => v.BlobSha256).HasMaxLength(64);
            e.Property(v => v.FileName).HasMaxLength(255);
            e.Property(v => v.Format).HasMaxLength(10);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.LastComment).HasMaxLength(1000);
            e.Property(v => v.Revision).IsConcurrencyToken();
            e.HasIndex(v => new { v.ResourceId, v.Number }).IsUnique();
            e.HasIndex(v => v.Status);
            e.HasIndex(v => v.CatalogueNodeId);
        });
        modelBuilder.Entity<VersionEvent>(e =>
        {
            e.ToTable("res_version_event");
            e.HasKey(v => v.Id);
            e.Property(v => v.ActorName).HasMaxLength(100);
            e.Property(v => v.Comment).HasMaxLength(1000);
            e.HasIndex(v => new { v.VersionId, v.At });
            e.HasIndex(v => v.ResourceId);
        });
        modelBuilder.Entity<Entitlement>(e =>
        {
            e.ToTable("res_entitlement");
            e.HasKey(x => x.Id);
            e.Property(x => x.Source).HasMaxLength(100);
            e.HasIndex(x => new { x.ResourceId, x.SchoolId });
            e.HasIndex(x => new { x.ResourceId, x.AccountId });
        });
        modelBuilder.Entity<OrderRefund>(e =>
        {
            e.ToTable("res_order_refund");
            e.HasKey(x => x.Id);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.Property(x => x.ByName).HasMaxLength(100);
            e.HasIndex(x => x.OrderId).IsUnique();
            e.HasIndex(x => x.ProviderId);
        });
        modelBuilder.Entity<StoredBlob>(e =>
        {
            e.ToTable("res_blob");
            e.HasKey(b => b.Sha256);
            e.Property(b => b.Sha256).HasMaxLength(64);
            e.Property(b => b.Format).HasMaxLength(10);
            e.Property(b => b.ContentType).HasMaxLength(100);
            e.Property(b => b.ScannedBy).HasMaxLength(100);
            e.Property(b => b.PreviewSha256).HasMaxLength(64);
            e.HasIndex(b => b.Preview);
        });
        modelBuilder.Entity<UploadSession>(e =>
        {
            e.ToTable("res_upload");
            e.HasKey(u => u.Id);
            e.Property(u => u.FileName).HasMaxLength(255);
            e.Property(u => u.ClaimedSha256).HasMaxLength(64);
            e.Property(u => u.BlobSha256).HasMaxLength(64);
            e.Property(u => u.FailureReason).HasMaxLength(500);
            e.HasIndex(u => u.OwnerId);
        });
        modelBuilder.Entity<Favourite>(e =>
        {
            e.ToTable("res_favourite");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.AccountId, x.ResourceId }).IsUnique();
        });
        modelBuilder.Entity<Rating>(e =>
        {
            e.ToTable("res_rating");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ResourceId, x.AccountId }).IsUnique();
        });
        modelBuilder.Entity<Comment>(e =>
        {
            e.ToTable("res_comment");
            e.HasKey(x => x.Id);
            e.Property(x => x.AuthorName).HasMaxLength(100);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.HasIndex(x => new { x.ResourceId, x.Status, x.CreatedAt });
        });
        modelBuilder.Entity<ClassPush>(e =>
        {
            e.ToTable("res_class_push");
            e.HasKey(x => x.Id);
            e.Property(x => x.ClassName).HasMaxLength(100);
            e.Property(x => x.TeacherName).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => new { x.ClassId, x.PushedAt });
            e.HasIndex(x => x.TeacherId);
        });
        modelBuilder.Entity<ClassUse>(e =>
        {
            e.ToTable("res_class_use");
            e.HasKey(x => x.Id);
            e.Property(x => x.StudentName).HasMaxLength(100);
            e.HasIndex(x => new { x.PushId, x.StudentId });
        });
        ConfigureTrading(modelBuilder);
    }

    private static void ConfigureTrading(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SchoolBudget>(e =>
        {
            e.ToTable("res_school_budget");
            e.HasKey(b => b.Id);
            ScopeColumns(e);
            e.Property(b => b.Version).IsConcurrencyToken();
            e.HasIndex(b => new { b.SchoolId, b.Year }).IsUnique();
        });
        modelBuilder.Entity<BudgetAllocation>(e =>
        {
            e.ToTable("res_budget_allocation");
            e.HasKey(a => a.Id);
            ScopeColumns(e);
            e.Property(a => a.ByName).HasMaxLength(100);
            e.Property(a => a.Note).HasMaxLength(200);
            e.HasIndex(a => new { a.BudgetId, a.At });
        });
        modelBuilder.Entity<ResourceOrder>(e =>
        {
            e.ToTable("res_order");
            e.HasKey(o => o.Id);
            ScopeColumns(e);
            e.Property(o => o.Number).HasMaxLength(20);
            e.Property(o => o.ResourceTitle).HasMaxLength(200);
            e.Property(o => o.ProviderName).HasMaxLength(100);
            e.Property(o => o.SchoolName).HasMaxLength(100);
            e.Property(o => o.BuyerName).HasMaxLength(100);
            e.HasIndex(o => o.Number).IsUnique();
            e.HasIndex(o => new { o.SchoolId, o.PlacedAt });
            e.HasIndex(o => new { o.ProviderId, o.PlacedAt });
            e.HasIndex(o => new { o.ResourceId, o.SchoolId });
        });
        modelBuilder.Entity<OaiRecord>(e =>
        {
            e.ToTable("res_oai_record");
            e.HasKey(r => r.ResourceId);
            e.Property(r => r.SortKey).HasMaxLength(32);
            e.Property(r => r.StageCode).HasMaxLength(20);
            e.Property(r => r.SubjectCode).HasMaxLength(20);
            // Harvests walk (datestamp, id) in order, optionally within one stage or one stage and subject.
            e.HasIndex(r => new { r.Datestamp, r.SortKey });
            e.HasIndex(r => new { r.StageCode, r.SubjectCode, r.Datestamp });
        });
    }

    private static void ScopeColumns<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : class, IScopedRow
    {
        foreach (var name in new[] { nameof(IScopedRow.ProvinceCode), nameof(IScopedRow.CityCode), nameof(IScopedRow.CountyCode) })
        {
            e.Property<string>(name).HasMaxLength(6);
        }
    }
}

internal sealed class SqliteResourcesDbContext(DbContextOptions<SqliteResourcesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ResourcesDbContext(options, actor, clock);

internal sealed class PostgresResourcesDbContext(DbContextOptions<PostgresResourcesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : ResourcesDbContext(options, actor, clock);
