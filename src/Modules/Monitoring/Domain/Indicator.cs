using System.Text.Json;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// 监测指标: one row of the indicator catalogue. The formula reads the fields of a school's latest approved return
/// (registry figures such as the class count are copied into the return when it is pre-filled, so the value is
/// the one the school and its bureaus approved). Targets depend on the school's category and the year.
/// Reference data (Reference/indicators.json), not scoped.
/// </summary>
internal sealed class Indicator
{
    public string Key { get; init; } = "";
    public string Name { get; set; } = "";
    public string Definition { get; set; } = "";
    public string Formula { get; set; } = "";
    /// <summary>A formula that must be true for the indicator to apply to a school (e.g. it has teaching points).</summary>
    public string? AppliesWhen { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>number, percent (value 0..1 shown as %), or yesno (1/0).</summary>
    public string Display { get; set; } = "number";
    /// <summary>return, registry or learningSpaces.</summary>
    public string Source { get; set; } = "return";
    /// <summary>Where the target comes from (STANDARDS.md: seeds 001-004).</summary>
    public string Reference { get; set; } = "";
    public string TargetsJson { get; set; } = "[]";
    public int SortOrder { get; set; }

    public IReadOnlyList<IndicatorTarget> Targets => JsonSerializer.Deserialize<List<IndicatorTarget>>(TargetsJson, JsonSerializerOptions.Web) ?? [];
}

/// <summary>
/// A target: from <see cref="FromYear"/> on, a school of <see cref="Category"/> (Urban, Town, Rural, TeachingPoint, or *)
/// meets it when the value is at least <see cref="Min"/>. The latest FromYear not after the return's year wins.
/// </summary>
internal sealed record IndicatorTarget(string Category, int FromYear, double Min)
{
    public static double? For(IReadOnlyList<IndicatorTarget> targets, string category, int year) =>
        targets.Where(t => (t.Category == category || t.Category == "*") && t.FromYear <= year)
            .OrderByDescending(t => t.FromYear).ThenBy(t => t.Category == "*" ? 1 : 0)
            .Select(t => (double?)t.Min).FirstOrDefault();
}
