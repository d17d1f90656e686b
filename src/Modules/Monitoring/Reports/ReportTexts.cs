namespace EduCloud.Monitoring.Reports;

/// <summary>English for the reports page (the report itself is Chinese only).</summary>
internal static class ReportTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["督导报告"] = "Inspection reports",
        ["教育信息化专项督导报告"] = "Annual IT inspection report",
        ["刷新"] = "Refresh",
        ["督导范围"] = "Scope",
        ["报告年度"] = "Year",
        ["年度"] = "Year",
        ["排名与分布所用指标"] = "Indicator for the ranking and distribution",
        ["生成报告"] = "Generate the report",
        ["报告在后台生成，含 PDF 和 Excel 两种格式"] = "The report is made in the background, as PDF and Excel",
        ["进度"] = "Progress",
        ["下载"] = "Download",
        ["排队中"] = "Queued",
        ["生成中"] = "Running",
        ["已完成"] = "Done",
        ["失败"] = "Failed",
    };
}
