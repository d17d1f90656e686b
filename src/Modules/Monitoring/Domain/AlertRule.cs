using System.Text.Json;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// 预警规则 (early-warning rule), as data (Reference/alert-rules.json): which level's subjects it looks at
/// (school, county, city, province), the indicator and the condition, and how serious a hit is.
/// Conditions: belowTarget (a school's value is below its national target), below / above (the value, or at a
/// region the <see cref="Measure"/> average or shareMet, against <see cref="Threshold"/>), idleDays (no learning
/// activity at the school for at least Threshold days, or never).
/// </summary>
internal sealed record AlertRule(string Id, string Name, string Level, string? Indicator, string Condition, double? Threshold, string Severity,
    string? Measure, string? Advice)
{
    public static readonly string[] Levels = ["school", "county", "city", "province"];
    public static readonly string[] Conditions = ["belowTarget", "below", "above", "idleDays"];

    public static IReadOnlyList<AlertRule> Parse(string json)
    {
        var rules = JsonSerializer.Deserialize<List<AlertRule>>(json, JsonSerializerOptions.Web) ?? [];
        foreach (var r in rules)
        {
            // A broken rule file fails at start-up, not silently at the first evaluation.
            if (!Levels.Contains(r.Level) || !Conditions.Contains(r.Condition)
                || (r.Condition != "idleDays" && string.IsNullOrEmpty(r.Indicator))
                || (r.Condition is "below" or "above" or "idleDays" && r.Threshold is null)
                || (r.Level != "school" && r.Condition is "belowTarget" or "idleDays"))
            {
                throw new FormatException($"预警规则“{r.Id}”定义不完整或不一致");
            }
        }
        if (rules.Select(r => r.Id).Distinct().Count() != rules.Count)
        {
            throw new FormatException("预警规则编号重复");
        }
        return rules;
    }

    /// <summary>Who the alert goes to: the administrator of the subject's own level.</summary>
    public string RoutedTo => Level switch
    {
        "school" => "SchoolAdmin",
        "county" => "CountyAdmin",
        "city" => "CityAdmin",
        _ => "ProvinceAdmin",
    };

    public static string SeverityName(string severity) => severity switch
    {
        "high" => "高",
        "medium" => "中",
        _ => "低",
    };
}
