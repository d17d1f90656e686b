using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Features.Alerts;
using EduCloud.Monitoring.Reports;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Monitoring;

/// <summary>
/// Two servers on one database, played by two instances of the product's singletons in one process (each with its
/// own gate and name, as two hosts would have): alerts are raised once, and report jobs are generated once.
/// 观山湖区 520115 (贵阳市), which no other monitoring test uses.
/// </summary>
public sealed class SeveralServersTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string County = "520115";

    [Fact]
    public async Task Two_servers_evaluating_at_once_raise_one_live_alert_per_rule_and_school()
    {
        var chain = await Chain.CreateAsync(factory, County);
        var (schoolId, school) = await chain.SchoolAsync(factory, County, "Rural", "并发预警小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 30, multimedia: 0)); // below target, no multimedia room
        var serverA = ActivatorUtilities.CreateInstance<EvaluateAlerts>(factory.Services);
        var serverB = ActivatorUtilities.CreateInstance<EvaluateAlerts>(factory.Services);
        var subject = schoolId.ToString();

        for (var round = 0; round < 4; round++)
        {
            // The school's live alerts clear, so both servers find the conditions with no live alert and raise at once.
            await factory.AsPlatformAsync(sp => sp.GetRequiredService<MonitoringDbContext>().Alerts
                .Where(a => a.SubjectKey == subject && a.ClearedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.ClearedAt, DateTime.UtcNow).SetProperty(a => a.Status, AlertStatus.Resolved)));
            var results = await Task.WhenAll(Task.Run(() => serverA.RunAsync(schoolId, CancellationToken.None)), Task.Run(() => serverB.RunAsync(schoolId, CancellationToken.None)));

            var live = await factory.AsPlatformAsync(sp => sp.GetRequiredService<MonitoringDbContext>().Alerts.AsNoTracking()
                .Where(a => a.SubjectKey == subject && a.ClearedAt == null).ToListAsync());
            live.GroupBy(a => a.RuleId).ShouldAllBe(g => g.Count() == 1, $"round {round}");
            live.Select(a => a.RuleId).ShouldContain("school-bandwidth-below-target");
            live.Select(a => a.RuleId).ShouldContain("school-no-multimedia");
            // Between them the two servers raised each school alert once (county rules may be raised too).
            results.Sum(r => r.Raised).ShouldBeGreaterThanOrEqualTo(live.Count);
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_live_alert_for_the_same_rule_and_subject_and_the_refusal_reads_as_already_raised()
    {
        var subject = Guid.NewGuid().ToString();
        Alert Make() => new()
        {
            RuleId = "school-no-multimedia", RuleName = "无多媒体教室", Severity = "high", Level = "school", SubjectKey = subject, SubjectName = "测试",
            RoutedTo = "SchoolAdmin", Finding = "无", RaisedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            ProvinceCode = "520000", CityCode = "520100", CountyCode = County,
        };
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoringDbContext>();
            db.Alerts.Add(Make());
            await db.SaveChangesAsync();
            return 0;
        });
        var refused = await Should.ThrowAsync<DbUpdateException>(() => factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoringDbContext>();
            db.Alerts.Add(Make());
            return await db.SaveChangesAsync();
        }));
        UniqueViolation.Is(refused).ShouldBeTrue(refused.InnerException?.Message);

        // A cleared alert does not count: the same rule × subject may be raised again once the old one has cleared.
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<MonitoringDbContext>();
            (await db.Alerts.SingleAsync(a => a.SubjectKey == subject)).ClearedAt = DateTime.UtcNow;
            db.Alerts.Add(Make());
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Two_report_workers_never_generate_the_same_job_twice()
    {
        var chain = await Chain.CreateAsync(factory, County);
        var (_, school) = await chain.SchoolAsync(factory, County, "Town", "并发报告小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 50));
        var jobs = await QueueAsync(6);
        var workerA = ActivatorUtilities.CreateInstance<ReportWorker>(factory.Services);
        var workerB = ActivatorUtilities.CreateInstance<ReportWorker>(factory.Services);

        var ran = await Task.WhenAll(Task.Run(() => DrainAsync(workerA)), Task.Run(() => DrainAsync(workerB)));

        ran[0].Intersect(ran[1]).ShouldBeEmpty();
        ran.SelectMany(r => r).ShouldAllBe(id => ran.SelectMany(r => r).Count(x => x == id) == 1);
        // The host's own worker may still be generating a job it claimed when A and B find the queue empty.
        var rows = await JobsAsync(jobs);
        for (var wait = 0; wait < 120 && rows.Any(j => j.Status == ReportStatus.Running); wait++)
        {
            await Task.Delay(500);
            rows = await JobsAsync(jobs);
        }
        rows.ShouldAllBe(j => j.Status == ReportStatus.Done && j.Attempts == 1 && j.PdfSha256 != null);
        // Each job was generated by the worker that claimed it (the host's own worker may have taken some too).
        foreach (var row in rows.Where(r => ran[0].Contains(r.Id) || ran[1].Contains(r.Id)))
        {
            row.ClaimedBy.ShouldBe(ran[0].Contains(row.Id) ? workerA.Name : workerB.Name);
        }
    }

    [Fact]
    public async Task A_running_job_whose_server_stopped_beating_is_claimed_again_and_one_claimed_too_often_fails()
    {
        var chain = await Chain.CreateAsync(factory, County);
        var (_, school) = await chain.SchoolAsync(factory, County, "Urban", "续跑报告小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 200));
        var (orphan, given) = (await QueueAsync(2, j =>
        {
            j.Status = ReportStatus.Running;
            j.ClaimToken = Guid.NewGuid();
            j.ClaimedBy = "dead-server";
            j.HeartbeatAt = DateTime.UtcNow.AddHours(-1);
            j.Attempts = j.IndicatorKey == "bandwidthPerClass" ? 1 : 3;
        })) switch { var l => (l[0], l[1]) };
        var alive = await QueueAsync(1, j =>
        {
            j.Status = ReportStatus.Running;
            j.ClaimToken = Guid.NewGuid();
            j.ClaimedBy = "live-server";
            j.HeartbeatAt = DateTime.UtcNow; // within its lease: nobody else may take it
            j.Attempts = 1;
        });
        var worker = ActivatorUtilities.CreateInstance<ReportWorker>(factory.Services);

        await DrainAsync(worker);

        var rows = await JobsAsync([orphan, given, alive[0]]);
        var retried = rows.Single(r => r.Id == orphan);
        retried.Status.ShouldBe(ReportStatus.Done);
        retried.Attempts.ShouldBe(2);
        retried.ClaimedBy.ShouldNotBe("dead-server"); // this worker, or the host's own one if its poll came first
        var failed = rows.Single(r => r.Id == given);
        failed.Status.ShouldBe(ReportStatus.Failed);
        failed.Message.ShouldContain("中断3次");
        var untouched = rows.Single(r => r.Id == alive[0]);
        untouched.Status.ShouldBe(ReportStatus.Running);
        untouched.ClaimedBy.ShouldBe("live-server");
    }

    private static async Task<List<Guid>> DrainAsync(ReportWorker worker)
    {
        var ran = new List<Guid>();
        while (await worker.RunOnceAsync(CancellationToken.None) is { } id)
        {
            ran.Add(id);
        }
        return ran;
    }

    /// <summary>Report jobs for the county, written as RequestReport writes them (but without waking the host's worker).</summary>
    private Task<List<Guid>> QueueAsync(int count, Action<ReportJob>? shape = null) => factory.AsPlatformAsync(async sp =>
    {
        var db = sp.GetRequiredService<MonitoringDbContext>();
        var indicators = new[] { "bandwidthPerClass", "multimediaCoverage", "wirelessCoverage" };
        var jobs = Enumerable.Range(0, count).Select(i => new ReportJob
        {
            Year = 2026, NodeKind = "county", NodeKey = County, NodeName = "观山湖区", IndicatorKey = indicators[i % indicators.Length],
            Message = "等待生成", RequestedAt = DateTime.UtcNow.AddDays(-1).AddSeconds(i), ProvinceCode = "520000", CityCode = "520100", CountyCode = County,
        }).ToList();
        foreach (var job in jobs)
        {
            shape?.Invoke(job);
        }
        db.ReportJobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    });

    private Task<List<ReportJob>> JobsAsync(IReadOnlyCollection<Guid> ids) => factory.AsPlatformAsync(sp =>
        sp.GetRequiredService<MonitoringDbContext>().ReportJobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync());
}
