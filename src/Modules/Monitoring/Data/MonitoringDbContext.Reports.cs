using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Data;

/// <summary>The inspection report jobs (mon_report_job), kept apart from the returns' model.</summary>
internal partial class MonitoringDbContext
{
    private static void ConfigureReports(ModelBuilder modelBuilder) => modelBuilder.Entity<ReportJob>(e =>
    {
        e.ToTable("mon_report_job");
        e.HasKey(j => j.Id);
        e.Property(j => j.NodeKind).HasMaxLength(20);
        e.Property(j => j.NodeKey).HasMaxLength(40);
        e.Property(j => j.NodeName).HasMaxLength(200);
        e.Property(j => j.IndicatorKey).HasMaxLength(40);
        e.Property(j => j.Message).HasMaxLength(1000);
        e.Property(j => j.RequestedByName).HasMaxLength(100);
        e.Property(j => j.PdfSha256).HasMaxLength(64);
        e.Property(j => j.XlsxSha256).HasMaxLength(64);
        e.Property(j => j.ProvinceCode).HasMaxLength(6);
        e.Property(j => j.CityCode).HasMaxLength(6);
        e.Property(j => j.CountyCode).HasMaxLength(6);
        e.Property(j => j.ClaimedBy).HasMaxLength(200);
        // A claim is a conditional UPDATE on these two (see ReportJob.ClaimToken).
        e.Property(j => j.Status).IsConcurrencyToken();
        e.Property(j => j.ClaimToken).IsConcurrencyToken();
        e.HasIndex(j => new { j.Status, j.RequestedAt });
        e.HasIndex(j => j.RequestedAt);
    });
}
