using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Data;

/// <summary>The monitoring module's own tables (schema <c>monitoring</c>, tables <c>mon_*</c>).</summary>
internal partial class MonitoringDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : ScopedDbContext(options, actor, clock)
{
    protected override string ModuleSchema => "monitoring";

    public DbSet<FormDefinition> Forms => Set<FormDefinition>();
    public DbSet<AnnualReturn> Returns => Set<AnnualReturn>();
    public DbSet<ReturnEvent> Events => Set<ReturnEvent>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();
    public DbSet<IndicatorYear> IndicatorYears => Set<IndicatorYear>();
    public DbSet<ReportJob> ReportJobs => Set<ReportJob>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FormDefinition>(e =>
        {
            e.ToTable("mon_form");
            e.HasKey(f => f.Year);
            e.Property(f => f.Year).ValueGeneratedNever();
            e.Property(f => f.Title).HasMaxLength(200);
        });
        modelBuilder.Entity<AnnualReturn>(e =>
        {
            e.ToTable("mon_return");
            e.HasKey(r => r.Id);
            e.Property(r => r.SchoolName).HasMaxLength(200);
            e.Property(r => r.Category).HasMaxLength(20);
            e.Property(r => r.LastComment).HasMaxLength(1000);
            e.Property(r => r.ProvinceCode).HasMaxLength(6);
            e.Property(r => r.CityCode).HasMaxLength(6);
            e.Property(r => r.CountyCode).HasMaxLength(6);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.Ignore(r => r.School);
            e.Ignore(r => r.Values);
            e.Ignore(r => r.Notes);
            e.HasIndex(r => new { r.SchoolId, r.Year, r.Version }).IsUnique();
            e.HasIndex(r => new { r.CountyCode, r.Year, r.Status });
            e.HasIndex(r => new { r.Status, r.IsCurrent });
        });
        modelBuilder.Entity<ReturnEvent>(e =>
        {
            e.ToTable("mon_return_event");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.ProvinceCode).HasMaxLength(6);
            e.Property(x => x.CityCode).HasMaxLength(6);
            e.Property(x => x.CountyCode).HasMaxLength(6);
            e.HasIndex(x => new { x.ReturnId, x.At });
        });
        modelBuilder.Entity<Indicator>(e =>
        {
            e.ToTable("mon_indicator");
            e.HasKey(i => i.Key);
            e.Property(i => i.Key).HasMaxLength(40);
            e.Property(i => i.Name).HasMaxLength(100);
            e.Property(i => i.Definition).HasMaxLength(500);
            e.Property(i => i.Formula).HasMaxLength(500);
            e.Property(i => i.AppliesWhen).HasMaxLength(500);
            e.Property(i => i.Unit).HasMaxLength(20);
            e.Property(i => i.Display).HasMaxLength(10);
            e.Property(i => i.Source).HasMaxLength(20);
            e.Property(i => i.Reference).HasMaxLength(500);
            e.Ignore(i => i.Targets);
        });
        ConfigureAlerts(modelBuilder);
        ConfigureReports(modelBuilder);
    }

    /// <summary>Early warning (mon_alert, mon_alert_event) and the yearly indicator snapshot (mon_indicator_year).</summary>
    private static void ConfigureAlerts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Alert>(e =>
        {
            e.ToTable("mon_alert");
            e.HasKey(a => a.Id);
            e.Property(a => a.RuleId).HasMaxLength(60);
            e.Property(a => a.RuleName).HasMaxLength(200);
            e.Property(a => a.Severity).HasMaxLength(10);
            e.Property(a => a.Level).HasMaxLength(10);
            e.Property(a => a.SubjectKey).HasMaxLength(40);
            e.Property(a => a.SubjectName).HasMaxLength(200);
            e.Property(a => a.RoutedTo).HasMaxLength(20);
            e.Property(a => a.Finding).HasMaxLength(500);
            e.Property(a => a.ProvinceCode).HasMaxLength(6);
            e.Property(a => a.CityCode).HasMaxLength(6);
            e.Property(a => a.CountyCode).HasMaxLength(6);
            e.Property(a => a.Revision).IsConcurrencyToken();
            // At most one live alert per rule × subject, also when two servers evaluate at once: the second insert
            // fails on this index and EvaluateAlerts reads it as "already raised". The filter is the same SQL on SQLite and PostgreSQL.
            e.HasIndex(a => new { a.RuleId, a.SubjectKey }).IsUnique().HasFilter("\"ClearedAt\" IS NULL").HasDatabaseName("UX_mon_alert_live");
            e.HasIndex(a => new { a.RuleId, a.SubjectKey, a.ClearedAt });
            e.HasIndex(a => new { a.CountyCode, a.Status });
        });
        modelBuilder.Entity<AlertEvent>(e =>
        {
            e.ToTable("mon_alert_event");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.ProvinceCode).HasMaxLength(6);
            e.Property(x => x.CityCode).HasMaxLength(6);
            e.Property(x => x.CountyCode).HasMaxLength(6);
            e.HasIndex(x => new { x.AlertId, x.At });
        });
        modelBuilder.Entity<IndicatorYear>(e =>
        {
            e.ToTable("mon_indicator_year");
            e.HasKey(x => new { x.Year, x.Node, x.IndicatorKey });
            e.Property(x => x.Node).HasMaxLength(40);
            e.Property(x => x.IndicatorKey).HasMaxLength(40);
            e.HasIndex(x => new { x.Node, x.IndicatorKey });
        });
    }
}

internal sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options, ICurrentActor actor, TimeProvider clock)
    : MonitoringDbContext(options, actor, clock);

internal sealed class PostgresMonitoringDbContext(DbContextOptions<PostgresMonitoringDbContext> options, ICurrentActor actor, TimeProvider clock)
    : MonitoringDbContext(options, actor, clock);
