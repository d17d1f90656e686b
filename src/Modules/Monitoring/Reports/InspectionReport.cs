using EduCloud.Monitoring.Indicators;

namespace EduCloud.Monitoring.Reports;

/// <summary>One indicator over the report's schools against the national targets.</summary>
internal sealed record IndicatorLine(string Key, string Name, string Unit, string Display, string TargetText,
    int WithValue, int WithTarget, int Met, double? ShareMet, double? Average);

/// <summary>One sub-region (or school, below a county) in the ranking on the chosen indicator.</summary>
internal sealed record RankLine(int Rank, string Key, string Name, int Schools, int WithTarget, int Met, double? ShareMet, double? Average);

/// <summary>A school below the target of one indicator.</summary>
internal sealed record BelowTarget(string School, string County, string Indicator, string Unit, string Display, double Value, double Target);

/// <summary>A bar of the distribution chart: schools whose value falls in [From, To).</summary>
internal sealed record Bin(string Label, double From, double To, int Schools);

/// <summary>
/// What the 教育信息化专项督导报告 says, computed once from the in-memory indicator values and then written both as
/// PDF and as .xlsx (so the two files and the dashboard API show the same numbers).
/// </summary>
internal sealed class InspectionReport
{
    public required string Title { get; init; }
    public required string NodeName { get; init; }
    public required string NodeKind { get; init; }
    public required int Year { get; init; }
    public required DateTime GeneratedAt { get; init; }
    public required int Schools { get; init; }
    public required IReadOnlyList<IndicatorLine> Indicators { get; init; }
    public required IndicatorLine Ranked { get; init; }
    /// <summary>"下级单位" or "学校" (a county ranks its schools).</summary>
    public required string RankedUnit { get; init; }
    /// <summary>True when ranked by the share meeting the target, false when by the average (no national target).</summary>
    public required bool RankedByShare { get; init; }
    public required IReadOnlyList<RankLine> Ranking { get; init; }
    public required IReadOnlyList<Bin> Distribution { get; init; }
    /// <summary>Schools below a target, made row by row when written (not held in memory), grouped by sub-region.</summary>
    public required BelowTargetList Below { get; init; }

    /// <summary>The ranked measure of one line, as drawn in the bar chart (a share in %, or the average).</summary>
    public double? Measure(RankLine line) => RankedByShare ? line.ShareMet * 100 : line.Average;

    public static string Format(string display, string unit, double? value) => value is not { } v ? "—" : display switch
    {
        "percent" => (v * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%",
        "yesno" => v >= 0.999 ? "是" : v <= 0.001 ? "否" : (v * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%",
        _ => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
    };

    public static string Share(double? share) =>
        share is { } s ? (s * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    public static string Category(string category) => category switch
    {
        "Urban" => "城区",
        "Town" => "镇区",
        "Rural" => "乡村",
        "TeachingPoint" => "教学点",
        _ => "所有学校",
    };

    /// <summary>The targets in force for <paramref name="year"/>, per school category, as one line of text.</summary>
    public static string Targets(CompiledIndicator indicator, int year) => indicator.Targets.Count == 0 ? "无国家目标"
        : string.Join("；", indicator.Targets.Where(t => t.FromYear <= year).GroupBy(t => t.Category).Select(g => g.MaxBy(t => t.FromYear)!)
            .GroupBy(t => t.Min) // categories with the same target share one clause: 城区、镇区≥10 Mbit/s/班
            .Select(g => $"{string.Join("、", g.Select(t => Category(t.Category)))}≥{Format(indicator.Row.Display, indicator.Row.Unit, g.Key)}")) is { Length: > 0 } text
            ? text : "无国家目标";
}
