namespace EduCloud.Monitoring.Domain;

/// <summary>
/// The yearly snapshot behind the trend charts: one indicator's figures at one node (national, a region code or a
/// school id) over the returns approved for one year. Rewritten for a year whenever a return of that year is approved
/// or sent back, and by the scheduled run; earlier years stay as they were taken. Aggregates, not scoped: the trend
/// read checks the caller's scope on the node first (DashboardNode, FiveLevelNode), as the dashboard does.
/// </summary>
internal sealed class IndicatorYear
{
    public int Year { get; init; }
    public string Node { get; init; } = "";
    public string IndicatorKey { get; init; } = "";
    public int Schools { get; init; }
    public int WithValue { get; init; }
    public int WithTarget { get; init; }
    public int Met { get; init; }
    public double Sum { get; init; }
    public DateTime TakenAt { get; init; }
}
