using System.Globalization;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Features.Alerts;
using EduCloud.Monitoring.Features.Returns;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// The 2025 returns behind the demo's trend charts: for each school approved in 2026, an approved 2025 return with
/// somewhat weaker figures (less bandwidth, one multimedia classroom fewer, fewer teachers trained). Then one full
/// monitoring run, so the yearly snapshots and the alerts exist as soon as the demo starts.
/// </summary>
internal static class DemoMonitoringHistory
{
    public static async Task<int> SeedAsync(IServiceProvider sp, DateTime now, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MonitoringDbContext>();
        var approved = await db.Returns.Where(r => r.Year == 2026 && r.Status == ReturnStatus.Approved).ToListAsync(ct);
        var at = now.AddYears(-1);
        foreach (var current in approved)
        {
            var values = current.Values;
            Scale(values, "exportBandwidthMbps", 0.7);
            Less(values, "multimediaClassrooms", 1);
            Less(values, "interactiveWhiteboards", 1);
            Less(values, "teachersTrainedIt", 3);
            var row = new AnnualReturn
            {
                SchoolId = current.SchoolId,
                SchoolName = current.SchoolName,
                Year = 2025,
                Version = 1,
                Category = current.Category,
                CreatedAt = at,
                SubmittedAt = at,
                ApprovedAt = at,
                ProvinceCode = current.ProvinceCode,
                CityCode = current.CityCode,
                CountyCode = current.CountyCode,
            };
            row.SetValues(values);
            db.Events.Add(ReturnEvents.Of(row, ReturnTrigger.Create, ReturnStatus.Draft, new Kernel.Scope.SystemActor(), "演示数据", at));
            foreach (var step in new[] { ReturnTrigger.Submit, ReturnTrigger.Approve, ReturnTrigger.Approve, ReturnTrigger.Approve })
            {
                var from = row.Status;
                ReturnWorkflow.Fire(row, step);
                db.Events.Add(ReturnEvents.Of(row, step, from, new Kernel.Scope.SystemActor(), "演示数据", at));
            }
            db.Returns.Add(row);
        }
        await db.SaveChangesAsync(ct);
        await sp.GetRequiredService<ScheduledMonitoringRun>().RunAsync(ct);
        return approved.Count;
    }

    private static void Scale(Dictionary<string, string> values, string key, double factor) =>
        values[key] = Math.Round(double.Parse(values[key], CultureInfo.InvariantCulture) * factor).ToString(CultureInfo.InvariantCulture);

    private static void Less(Dictionary<string, string> values, string key, int by) =>
        values[key] = Math.Max(0, int.Parse(values[key], CultureInfo.InvariantCulture) - by).ToString(CultureInfo.InvariantCulture);
}
