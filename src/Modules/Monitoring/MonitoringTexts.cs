namespace EduCloud.Monitoring;

/// <summary>English for the monitoring pages.</summary>
internal static class MonitoringTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["信息化监测"] = "IT monitoring",
        ["监测指标"] = "Indicator",
        ["查看"] = "Show",
        ["下级单位"] = "Sub-region",
        ["学校"] = "School",
        ["有年报的学校"] = "Schools with an approved return",
        ["有目标的学校"] = "Schools with a target",
        ["达标学校"] = "Schools meeting the target",
        ["达标率"] = "Share meeting the target",
        ["平均值"] = "Average",
        ["数值"] = "Value",
        ["目标"] = "Target",
        ["是否达标"] = "Met",
        ["达标"] = "Met",
        ["未达标"] = "Not met",
        ["不适用"] = "n/a",
        ["年报"] = "Annual returns",
        ["办学条件与信息化年报"] = "Annual school conditions and IT return",
        ["开始填报"] = "Start the return",
        ["保存"] = "Save",
        ["状态"] = "Status",
        ["版本"] = "Version",
        ["意见"] = "Comment",
        ["审核记录"] = "History",
        ["说明"] = "Explanation",
        ["暂无数据"] = "No data yet",
        ["地图"] = "Map",
    };
}
