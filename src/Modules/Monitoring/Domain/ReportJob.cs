using EduCloud.Kernel.Scope;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// 教育信息化专项督导报告: one request for the annual inspection report of one node (nation, province, city, county or
/// school) and year, worked off by the background ReportWorker. Scoped to the node it reports on ("-" below the node's
/// level never matches a scope entry), so only people whose scope covers the whole node see the job and its files;
/// a county administrator never sees a city's report.
/// </summary>
internal sealed class ReportJob : IScopedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Year { get; init; }
    /// <summary>national, province, city, county or school (as the dashboard names its nodes).</summary>
    public string NodeKind { get; init; } = "";
    /// <summary>"national", a region code, or the school's id.</summary>
    public string NodeKey { get; init; } = "";
    public string NodeName { get; init; } = "";
    /// <summary>The indicator the sub-regions are ranked on and whose distribution is charted.</summary>
    public string IndicatorKey { get; init; } = "";
    public ReportStatus Status { get; set; } = ReportStatus.Queued;
    public int Percent { get; set; }
    /// <summary>What the job is doing, or why it failed (Chinese, shown on the page).</summary>
    public string Message { get; set; } = "";
    public Guid? RequestedBy { get; init; }
    public string RequestedByName { get; init; } = "";
    public DateTime RequestedAt { get; init; }
    public DateTime? StartedAt { get; set; }
    /// <summary>
    /// The claim of the worker running the job, new on every claim. With <see cref="Status"/> it is the job's
    /// concurrency token, so a claim is one conditional UPDATE (WHERE Status = queued, or = running with the old
    /// claim) that only one server can win, and a worker that lost its claim fails on its next write.
    /// </summary>
    public Guid? ClaimToken { get; set; }
    /// <summary>Which server (host name and process) holds the claim, for the operator.</summary>
    public string ClaimedBy { get; set; } = "";
    /// <summary>The claim holder's last sign of life; a running job silent for longer than the lease is claimed again.</summary>
    public DateTime? HeartbeatAt { get; set; }
    /// <summary>How many times the job was claimed (1 unless a server died while running it).</summary>
    public int Attempts { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The files in the kernel's blob store, set together only when both are complete.</summary>
    public string? PdfSha256 { get; set; }
    public long PdfBytes { get; set; }
    public string? XlsxSha256 { get; set; }
    public long XlsxBytes { get; set; }

    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public Guid? SchoolId { get; init; }
    public Guid? ClassId { get; init; }
}

internal enum ReportStatus
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}

internal static class ReportStatusNames
{
    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.Queued => "排队中",
        ReportStatus.Running => "生成中",
        ReportStatus.Done => "已完成",
        _ => "失败",
    };
}
