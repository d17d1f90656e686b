using System.Globalization;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;

namespace EduCloud.Monitoring.Features.Alerts;

/// <summary>What one rule saw on one subject: whether its condition holds, the value, and the finding in words.</summary>
internal sealed record AlertFinding(AlertRule Rule, string SubjectKey, string SubjectName, ScopeKey Key, bool Holds, double? Value, string Text);

/// <summary>
/// Applies the rules to the in-memory rollup (no query per rule): each school rule to every school with an approved
/// return, each region rule to every region of its level. <paramref name="onlySchool"/> narrows it to one school and
/// the regions above it (after one approval); null is the full run.
/// </summary>
internal static class AlertFindings
{
    public static List<AlertFinding> Compute(IReadOnlyList<AlertRule> rules, IndicatorRollup rollup, IReadOnlyDictionary<Guid, DateTimeOffset> lastActivity,
        IReadOnlyDictionary<string, string> regionNames, DateTime now, Guid? onlySchool)
    {
        var schools = onlySchool is { } only ? rollup.Schools.Values.Where(s => s.SchoolId == only).ToList() : rollup.Schools.Values.ToList();
        var findings = new List<AlertFinding>();
        foreach (var rule in rules)
        {
            var index = rule.Indicator is null ? -1 : rollup.IndexOf(rule.Indicator);
            if (rule.Indicator is not null && index < 0)
            {
                continue; // the indicator was removed from the catalogue: the rule has nothing to look at
            }
            if (rule.Level == "school")
            {
                findings.AddRange(schools.Select(s => School(rule, rollup, index, s, lastActivity, now)));
                continue;
            }
            foreach (var code in Regions(rule.Level, rollup, schools, onlySchool is null))
            {
                if (rollup.Nodes.GetValueOrDefault(code) is { } node)
                {
                    findings.Add(Region(rule, rollup, index, code, regionNames.GetValueOrDefault(code, code), node));
                }
            }
        }
        return findings;
    }

    public static IEnumerable<string> Regions(string level, IndicatorRollup rollup, IReadOnlyList<SchoolFigures> schools, bool all) =>
        (all ? rollup.Schools.Values : schools).Select(s => level switch
        {
            "county" => s.CountyCode,
            "city" => s.CityCode,
            _ => s.ProvinceCode,
        }).Distinct();

    private static AlertFinding School(AlertRule rule, IndicatorRollup rollup, int index, SchoolFigures s, IReadOnlyDictionary<Guid, DateTimeOffset> lastActivity, DateTime now)
    {
        var key = new ScopeKey(s.ProvinceCode, s.CityCode, s.CountyCode, s.SchoolId, null);
        if (rule.Condition == "idleDays")
        {
            var last = lastActivity.TryGetValue(s.SchoolId, out var at) ? at.UtcDateTime : (DateTime?)null;
            var days = last is { } l ? Math.Floor((now - l).TotalDays) : (double?)null;
            var text = last is { } when ? $"最近一次学习活动：{when:yyyy-MM-dd}（{days}天前）" : "尚无学习活动记录";
            return new AlertFinding(rule, s.SchoolId.ToString(), s.Name, key, days is null || days >= rule.Threshold, days, text);
        }
        var indicator = rollup.Indicators[index].Row;
        var value = s.Values[index];
        var (holds, against) = rule.Condition switch
        {
            "belowTarget" => (s.Met(index) == false, s.Targets[index]),
            "below" => (value < rule.Threshold - 1e-9, rule.Threshold),
            _ => (value > rule.Threshold + 1e-9, rule.Threshold),
        };
        var word = rule.Condition == "belowTarget" ? "目标" : "预警阈值";
        return new AlertFinding(rule, s.SchoolId.ToString(), s.Name, key, holds, value,
            $"{indicator.Name}：{Format(indicator, value)}（{word} {Format(indicator, against)}）");
    }

    private static AlertFinding Region(AlertRule rule, IndicatorRollup rollup, int index, string code, string name, NodeFigures node)
    {
        var indicator = rollup.Indicators[index].Row;
        var shareMet = rule.Measure == "shareMet";
        var value = shareMet ? node.ShareMet(index) : node.Average(index);
        var holds = rule.Condition == "below" ? value < rule.Threshold - 1e-9 : value > rule.Threshold + 1e-9;
        var show = (double? v) => shareMet ? Format(new Indicator { Display = "percent" }, v) : Format(indicator, v);
        var key = rule.Level switch
        {
            "county" => new ScopeKey(RegionCode.ProvinceOf(code), RegionCode.CityOf(code), code, null, null),
            "city" => new ScopeKey(RegionCode.ProvinceOf(code), code, "", null, null),
            _ => new ScopeKey(code, "", "", null, null),
        };
        return new AlertFinding(rule, code, name, key, holds, value,
            $"{indicator.Name}{(shareMet ? "达标学校比例" : "平均")}：{show(value)}（预警阈值 {show(rule.Threshold)}，{node.WithValue[index]}所学校有数据）");
    }

    public static string Format(Indicator indicator, double? value) => value is not { } v ? "无数据" : indicator.Display switch
    {
        "percent" => (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        "yesno" => v >= 0.5 ? "是" : "否",
        _ => v.ToString("0.##", CultureInfo.InvariantCulture) + (indicator.Unit.Length > 0 ? " " + indicator.Unit : ""),
    };
}
