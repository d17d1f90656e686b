using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Monitoring.Features.Alerts;

public sealed record EvaluationDto(int Findings, int Raised, int Resolved, int Live, double Milliseconds);

/// <summary>
/// Runs the early-warning rules (Reference/alert-rules.json) and brings the alerts in line: a hit with no live alert
/// for its rule × subject raises one (routed to the subject's administrator); a live alert whose condition no longer
/// holds is cleared, and if nobody closed it yet it is marked resolved. Every state change writes an AlertEvent.
/// Runs as the platform on its own service scope (whoever triggered it), one run at a time in this process. Another
/// server may evaluate at the same moment: the unique index on live alerts (UX_mon_alert_live) refuses its duplicate,
/// and the loser of that race, or of a concurrent update (Revision), runs again on fresh rows, where the other
/// server's alert is found and counted as already raised.
/// </summary>
internal sealed class EvaluateAlerts(IServiceScopeFactory scopes, IndicatorBoard board, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IReadOnlyList<AlertRule> Rules { get; } = AlertRule.Parse(MonitoringModule.Read("alert-rules.json"));

    /// <summary>The full run (schedule, 重新评估), or <paramref name="onlySchool"/> and the regions above it (after an approval).</summary>
    public async Task<EvaluationDto> RunAsync(Guid? onlySchool, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RunOnceAsync(onlySchool, ct);
                }
                catch (Exception e) when (attempt < 3 && UniqueViolation.LostRace(e))
                {
                    // Another server raised (or cleared) one of these alerts first, or the two deadlocked and this one was
                    // rolled back; the other's rows are read on the next attempt.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<EvaluationDto> RunOnceAsync(Guid? onlySchool, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.ActAsPlatform();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MonitoringDbContext>();
        var rollup = await board.CurrentAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var schoolIds = onlySchool is { } one ? [one] : (IReadOnlyCollection<Guid>?)null;
        var activity = Rules.Any(r => r.Condition == "idleDays")
            ? await sp.GetRequiredService<ILearningActivity>().LastActivityBySchoolAsync(schoolIds, ct)
            : new Dictionary<Guid, DateTimeOffset>();
        var regionCodes = rollup.Schools.Values.Where(s => onlySchool is null || s.SchoolId == onlySchool)
            .SelectMany(s => new[] { s.ProvinceCode, s.CityCode, s.CountyCode }).Distinct().ToList();
        var names = await sp.GetRequiredService<IOrganizationDirectory>().RegionNamesAsync(regionCodes, ct);
        var findings = AlertFindings.Compute(Rules, rollup, activity, names, now, onlySchool);
        var subjects = findings.Select(f => f.SubjectKey).Distinct().ToList();
        var live = await db.Alerts.Where(a => a.ClearedAt == null && (onlySchool == null || subjects.Contains(a.SubjectKey))).ToListAsync(ct);
        var byKey = live.GroupBy(a => (a.RuleId, a.SubjectKey)).ToDictionary(g => g.Key, g => g.First());
        var actor = sp.GetRequiredService<ICurrentActor>();
        int raised = 0, resolved = 0;
        foreach (var f in findings)
        {
            var alert = byKey.GetValueOrDefault((f.Rule.Id, f.SubjectKey));
            if (f.Holds && alert is null)
            {
                alert = Raise(f, now);
                db.Alerts.Add(alert);
                db.AlertEvents.Add(AlertEvent.Of(alert, null, actor, f.Text, now));
                raised++;
            }
            else if (f.Holds && alert!.Status is AlertStatus.Open or AlertStatus.Acknowledged && alert.Finding != f.Text)
            {
                alert.Finding = f.Text;
                alert.Value = f.Value;
                alert.UpdatedAt = now;
            }
            else if (!f.Holds && alert is not null)
            {
                alert.ClearedAt = now;
                alert.UpdatedAt = now;
                alert.Revision++;
                if (alert.Status is AlertStatus.Open or AlertStatus.Acknowledged)
                {
                    var from = alert.Status;
                    alert.Status = AlertStatus.Resolved;
                    db.AlertEvents.Add(AlertEvent.Of(alert, from, actor, "条件已解除：" + f.Text, now));
                    resolved++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        var stillLive = live.Count + raised - findings.Count(f => !f.Holds && byKey.ContainsKey((f.Rule.Id, f.SubjectKey)));
        return new EvaluationDto(findings.Count, raised, resolved, stillLive, watch.Elapsed.TotalMilliseconds);
    }

    private static Alert Raise(AlertFinding f, DateTime now) => new()
    {
        RuleId = f.Rule.Id,
        RuleName = f.Rule.Name,
        Severity = f.Rule.Severity,
        Level = f.Rule.Level,
        SubjectKey = f.SubjectKey,
        SubjectName = f.SubjectName,
        RoutedTo = f.Rule.RoutedTo,
        Finding = f.Text,
        Value = f.Value,
        RaisedAt = now,
        UpdatedAt = now,
        ProvinceCode = f.Key.ProvinceCode,
        CityCode = f.Key.CityCode,
        CountyCode = f.Key.CountyCode,
        SchoolId = f.Key.SchoolId,
    };
}
