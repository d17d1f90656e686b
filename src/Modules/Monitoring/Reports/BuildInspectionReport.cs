using EduCloud.Monitoring.Indicators;

namespace EduCloud.Monitoring.Reports;

/// <summary>The node a report covers (as the dashboard resolves it) and what to rank on.</summary>
internal sealed record ReportRequest(string NodeKind, string NodeKey, string NodeName, int Year, string IndicatorKey);

/// <summary>
/// Computes the report from the in-memory indicator values: one pass over the schools of the node whose latest
/// approved return is for the report's year (the same NodeFigures arithmetic as the dashboard), then the ranking of
/// the sub-regions, the distribution of the chosen indicator and the schools below any target.
/// </summary>
internal static class BuildInspectionReport
{
    private const int DistributionBins = 10;

    public static InspectionReport Run(IndicatorRollup rollup, ReportRequest request, IReadOnlyDictionary<string, string> regionNames, DateTime now)
    {
        var index = rollup.IndexOf(request.IndicatorKey);
        if (index < 0)
        {
            throw new InvalidOperationException("未知的监测指标：" + request.IndicatorKey);
        }
        // Grouped by the sub-region the below-target list is split by (a sheet each in the .xlsx), then by county and name.
        Func<SchoolFigures, string>? groupOf = request.NodeKind is IndicatorRollup.National or "province" or "city" ? s => UnitOf(request.NodeKind, s)! : null;
        var schools = rollup.Schools.Values.Where(s => s.Year == request.Year && Covers(request, s))
            .OrderBy(s => groupOf?.Invoke(s) ?? "", StringComparer.Ordinal)
            .ThenBy(s => s.CountyCode, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (schools.Count == 0)
        {
            throw new ReportFailedException($"{request.NodeName}没有{request.Year}年度审核通过的年报，无法生成督导报告");
        }
        var total = new NodeFigures(rollup.Indicators.Count);
        var units = new Dictionary<string, NodeFigures>();
        foreach (var school in schools)
        {
            total.Add(school);
            var unit = UnitOf(request.NodeKind, school);
            if (unit is not null)
            {
                if (!units.TryGetValue(unit, out var figures))
                {
                    units[unit] = figures = new NodeFigures(rollup.Indicators.Count);
                }
                figures.Add(school);
            }
        }
        var lines = rollup.Indicators.Select((c, i) => Line(c, i, total, request.Year)).ToList();
        var byShare = rollup.Indicators[index].Targets.Count > 0;
        var schoolNames = request.NodeKind == "county" ? schools.ToDictionary(s => s.SchoolId.ToString(), s => s.Name) : [];
        string UnitName(string key) => schoolNames.GetValueOrDefault(key) ?? regionNames.GetValueOrDefault(key, key);
        var ranking = units.Select(u => (Key: u.Key, Figures: u.Value))
            .OrderByDescending(u => byShare ? u.Figures.ShareMet(index) ?? -1 : u.Figures.Average(index) ?? double.MinValue)
            .ThenBy(u => UnitName(u.Key), StringComparer.Ordinal)
            .Select((u, rank) => new RankLine(rank + 1, u.Key, UnitName(u.Key), u.Figures.Schools, u.Figures.WithTarget[index], u.Figures.Met[index],
                u.Figures.ShareMet(index), u.Figures.Average(index)))
            .ToList();
        return new InspectionReport
        {
            Title = $"{request.NodeName}{request.Year}年度教育信息化专项督导报告",
            NodeName = request.NodeName,
            NodeKind = request.NodeKind,
            Year = request.Year,
            GeneratedAt = now,
            Schools = schools.Count,
            Indicators = lines,
            Ranked = lines[index],
            RankedUnit = request.NodeKind == "county" ? "学校" : "下级单位",
            RankedByShare = byShare,
            Ranking = ranking,
            Distribution = Distribution(schools.Select(s => s.Values[index]).OfType<double>().ToList(), rollup.Indicators[index]),
            Below = new BelowTargetList(schools, rollup.Indicators, regionNames, groupOf, request.NodeKey, request.NodeName),
        };
    }

    public static bool Covers(ReportRequest request, SchoolFigures school) => request.NodeKind switch
    {
        IndicatorRollup.National => true,
        "province" => school.ProvinceCode == request.NodeKey,
        "city" => school.CityCode == request.NodeKey,
        "county" => school.CountyCode == request.NodeKey,
        _ => school.SchoolId.ToString() == request.NodeKey,
    };

    /// <summary>The unit one level below the node that a school counts in (none below a school).</summary>
    private static string? UnitOf(string kind, SchoolFigures school) => kind switch
    {
        IndicatorRollup.National => school.ProvinceCode,
        "province" => school.CityCode,
        "city" => school.CountyCode,
        "county" => school.SchoolId.ToString(),
        _ => null,
    };

    private static IndicatorLine Line(CompiledIndicator c, int i, NodeFigures figures, int year) =>
        new(c.Row.Key, c.Row.Name, c.Row.Unit, c.Row.Display, InspectionReport.Targets(c, year),
            figures.WithValue[i], figures.WithTarget[i], figures.Met[i], figures.ShareMet(i), figures.Average(i));

    /// <summary>Equal-width bins from 0 (or the minimum, if negative) to the largest value; yes/no indicators get two bars.</summary>
    private static List<Bin> Distribution(List<double> values, CompiledIndicator indicator)
    {
        var row = indicator.Row;
        if (row.Display == "yesno")
        {
            return [new Bin("否", 0, 0.5, values.Count(v => v < 0.5)), new Bin("是", 0.5, 1, values.Count(v => v >= 0.5))];
        }
        if (values.Count == 0)
        {
            return [];
        }
        var min = Math.Min(0, values.Min());
        var max = values.Max();
        var width = max > min ? (max - min) / DistributionBins : 1;
        var bins = new int[DistributionBins];
        foreach (var v in values)
        {
            bins[Math.Min(DistributionBins - 1, (int)((v - min) / width))]++;
        }
        return bins.Select((count, b) =>
        {
            var from = min + b * width;
            var label = InspectionReport.Format(row.Display, "", from).Trim();
            return new Bin(label, from, from + width, count);
        }).ToList();
    }
}

/// <summary>A report that cannot be made (no data for the node and year): the job fails with this message.</summary>
internal sealed class ReportFailedException(string message) : Exception(message);
