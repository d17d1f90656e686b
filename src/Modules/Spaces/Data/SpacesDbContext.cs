using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Spaces.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Data;

/// <summary>Spaces tables (schema <c>spaces</c>, tables <c>spc_*</c>): notices, messages, notifications, research groups, lesson plans.</summary>
internal class SpacesDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "spaces";

    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeTarget> Targets => Set<NoticeTarget>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<MessageThread> Threads => Set<MessageThread>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Preference> Preferences => Set<Preference>();
    public DbSet<ResearchGroup> Groups => Set<ResearchGroup>();
    public DbSet<GroupMember> Members => Set<GroupMember>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<LessonPlan> Plans => Set<LessonPlan>();
    public DbSet<PlanVersion> Versions => Set<PlanVersion>();
    public DbSet<PlanComment> Comments => Set<PlanComment>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        ConfigureNotices(modelBuilder);
        ConfigureMessages(modelBuilder);
        ConfigureGroups(modelBuilder);
    }

    private static void ConfigureNotices(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notice>(e =>
        {
            e.ToTable("spc_notice");
            e.Property(n => n.SenderName).HasMaxLength(100);
            e.Property(n => n.Title).HasMaxLength(100);
            e.Property(n => n.Body).HasMaxLength(5000);
            e.Property(n => n.TargetNames).HasMaxLength(1000);
            e.HasIndex(n => new { n.SenderId, n.SentAt });
        });
        modelBuilder.Entity<NoticeTarget>(e =>
        {
            e.ToTable("spc_notice_target");
            ScopeColumns.Configure(e);
            e.HasIndex(t => t.NoticeId);
        });
        modelBuilder.Entity<Receipt>(e =>
        {
            e.ToTable("spc_receipt");
            e.Ignore(r => r.PersonId);
            e.Property(r => r.RecipientName).HasMaxLength(100);
            e.Property(r => r.ChildNames).HasMaxLength(300);
            ScopeColumns.Configure(e);
            e.HasIndex(r => new { r.NoticeId, r.RecipientId }).IsUnique();
            e.HasIndex(r => new { r.RecipientId, r.SentAt });
        });
        modelBuilder.Entity<Attachment>(e =>
        {
            e.ToTable("spc_attachment");
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.Format).HasMaxLength(10);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.HasIndex(a => a.NoticeId);
            e.HasIndex(a => a.OwnerId);
        });
    }

    private static void ConfigureMessages(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MessageThread>(e =>
        {
            e.ToTable("spc_thread");
            e.Property(t => t.TeacherName).HasMaxLength(100);
            e.Property(t => t.ParentName).HasMaxLength(100);
            e.Property(t => t.ChildName).HasMaxLength(100);
            e.Property(t => t.LastText).HasMaxLength(100);
            // One conversation per teacher, parent and child, also when both open it at once.
            e.HasIndex(t => new { t.TeacherId, t.ParentId, t.ChildId }).IsUnique();
            e.HasIndex(t => new { t.ParentId, t.LastAt });
        });
        modelBuilder.Entity<Message>(e =>
        {
            e.ToTable("spc_message");
            e.Property(m => m.SenderName).HasMaxLength(100);
            e.Property(m => m.Text).HasMaxLength(2000);
            e.HasIndex(m => new { m.ThreadId, m.SentAt });
        });
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("spc_notification");
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.Link).HasMaxLength(200);
            e.HasIndex(n => new { n.RecipientId, n.ShowFrom });
        });
        modelBuilder.Entity<Preference>(e =>
        {
            e.ToTable("spc_preference");
            e.HasKey(p => p.AccountId);
        });
    }

    private static void ConfigureGroups(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ResearchGroup>(e =>
        {
            e.ToTable("spc_group");
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.Subject).HasMaxLength(20);
            e.Property(g => g.LeaderName).HasMaxLength(100);
            e.HasIndex(g => g.SchoolId);
        });
        modelBuilder.Entity<GroupMember>(e =>
        {
            e.ToTable("spc_group_member");
            e.Property(m => m.DisplayName).HasMaxLength(100);
            e.HasIndex(m => new { m.GroupId, m.AccountId }).IsUnique();
            e.HasIndex(m => m.AccountId);
        });
        modelBuilder.Entity<Post>(e =>
        {
            e.ToTable("spc_post");
            e.Property(p => p.AuthorName).HasMaxLength(100);
            e.Property(p => p.Title).HasMaxLength(100);
            e.Property(p => p.Body).HasMaxLength(5000);
            e.HasIndex(p => new { p.GroupId, p.ParentId, p.LastAt });
        });
        modelBuilder.Entity<Observation>(e =>
        {
            e.ToTable("spc_observation");
            e.Property(o => o.ObserverName).HasMaxLength(100);
            e.Property(o => o.TeacherName).HasMaxLength(100);
            e.Property(o => o.Topic).HasMaxLength(100);
            e.Property(o => o.Strengths).HasMaxLength(2000);
            e.Property(o => o.Suggestions).HasMaxLength(2000);
            e.HasIndex(o => new { o.GroupId, o.ObservedOn });
        });
        modelBuilder.Entity<LessonPlan>(e =>
        {
            e.ToTable("spc_plan");
            e.Property(p => p.AuthorName).HasMaxLength(100);
            e.Property(p => p.Title).HasMaxLength(100);
            e.Property(p => p.Stage).HasMaxLength(20);
            e.Property(p => p.Subject).HasMaxLength(20);
            e.Property(p => p.LastNumber).IsConcurrencyToken();
            e.Property(p => p.CurrentVersion).IsConcurrencyToken();
            e.HasIndex(p => p.AuthorId);
            e.HasIndex(p => p.GroupId);
        });
        modelBuilder.Entity<PlanVersion>(e =>
        {
            e.ToTable("spc_plan_version");
            e.Property(v => v.EditorName).HasMaxLength(100);
            e.Property(v => v.Title).HasMaxLength(100);
            e.Property(v => v.Objectives).HasMaxLength(5000);
            e.Property(v => v.Process).HasMaxLength(20000);
            e.Property(v => v.Note).HasMaxLength(500);
            e.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        });
        modelBuilder.Entity<PlanComment>(e =>
        {
            e.ToTable("spc_plan_comment");
            e.Property(c => c.AuthorName).HasMaxLength(100);
            e.Property(c => c.Body).HasMaxLength(2000);
            e.HasIndex(c => new { c.PlanId, c.CreatedAt });
        });
    }
}

internal sealed class SqliteSpacesDbContext(DbContextOptions<SqliteSpacesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : SpacesDbContext(options, actor, clock);

internal sealed class PostgresSpacesDbContext(DbContextOptions<PostgresSpacesDbContext> options, ICurrentActor actor, TimeProvider clock)
    : SpacesDbContext(options, actor, clock);
