using EduCloud.Monitoring.Indicators;

namespace EduCloud.Monitoring.OpenData;

/// <summary>
/// 各县（区）宽带接入与多媒体教学设备覆盖: per county (and in total), from the approved returns behind the indicator
/// board: schools reporting, schools on broadband, schools meeting the bandwidth-per-class target, the average
/// multimedia coverage, and schools with at least one multimedia classroom. These count schools, not people, so
/// nothing is suppressed.
/// </summary>
internal static class BuildCoverageByCounty
{
    public const string Id = "it-coverage-by-county";

    private static readonly (string Key, string Title, string Unit, string Indicator, string Measure)[] Spec =
    [
        ("broadband", "已接入宽带学校数", "所", "broadband", "met"),
        ("broadbandShare", "宽带接入率", "%", "broadband", "share"),
        ("bandwidthMet", "班均出口带宽达标学校数", "所", "bandwidthPerClass", "met"),
        ("bandwidthShare", "班均出口带宽达标率", "%", "bandwidthPerClass", "share"),
        ("multimediaCoverage", "多媒体教学设备平均覆盖率", "%", "multimediaCoverage", "average"),
        ("hasMultimedia", "至少有一间多媒体教室的学校数", "所", "hasMultimedia", "met"),
    ];

    public static OpenTable Build(IndicatorRollup rollup, IReadOnlyDictionary<string, string> names, DateOnly updated)
    {
        var counties = rollup.SchoolsOfCounty.Keys.Order(StringComparer.Ordinal).ToList();
        var rows = counties.Select(c => Row(rollup, c, names.GetValueOrDefault(c, c))).ToList();
        if (rollup.Nodes.ContainsKey(IndicatorRollup.National))
        {
            rows.Add(Row(rollup, IndicatorRollup.National, "合计") with { RegionCode = "" });
        }
        var columns = new List<OpenColumn> { new("schools", "有已审核年报的学校数", "所", false) };
        columns.AddRange(Spec.Select(s => new OpenColumn(s.Key, s.Title, s.Unit, false)));
        return new OpenTable(Id, "各县（区）宽带接入与多媒体教学设备覆盖",
            "按县（区）汇总的中小学互联网接入、班均出口带宽达标（城镇≥10 Mbit/s、农村≥5 Mbit/s）和多媒体教学设备覆盖情况，来自经省级审核通过的最新办学条件与信息化年报。比例以百分数表示。",
            OpenDataCatalogue.Licence, OpenDataCatalogue.LicenceUrl, updated, columns, rows, "本表统计的是学校数，不涉及个人。");
    }

    private static OpenRow Row(IndicatorRollup rollup, string node, string name)
    {
        var figures = rollup.Nodes[node];
        var values = new List<double?> { figures.Schools };
        foreach (var s in Spec)
        {
            var i = rollup.IndexOf(s.Indicator);
            values.Add(i < 0 ? null : s.Measure switch
            {
                "met" => figures.Met[i],
                "share" => Percent(figures.ShareMet(i)),
                _ => Percent(figures.Average(i)),
            });
        }
        return new OpenRow(node, name, values, values.Select(_ => (string?)null).ToList());
    }

    private static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;
}
