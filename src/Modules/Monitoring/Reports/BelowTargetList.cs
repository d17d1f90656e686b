using EduCloud.Monitoring.Indicators;

namespace EduCloud.Monitoring.Reports;

/// <summary>The schools below target in one sub-region of the report's node (a province of the nation, a city of a province ...).</summary>
internal sealed record BelowTargetGroup(string Key, string Name, int Count, int FirstSchool, int EndSchool);

/// <summary>
/// The report's list of schools below a target (school × indicator), kept as the sorted schools and made row by row
/// when written: at national scope it is ~1.3 million rows, which would otherwise sit in memory as objects next to the
/// in-memory indicator values. Counted once per group when built; grouped by the sub-region one level below the node
/// (so the .xlsx writes one sheet per group), a county's or school's report being one group.
/// </summary>
internal sealed class BelowTargetList
{
    private readonly IReadOnlyList<SchoolFigures> _schools;
    private readonly IReadOnlyList<CompiledIndicator> _indicators;
    private readonly IReadOnlyDictionary<string, string> _regionNames;

    /// <param name="schools">The report's schools, ordered so that every group's schools are contiguous.</param>
    /// <param name="groupOf">The group key of a school; null puts every school in one group named by the node.</param>
    public BelowTargetList(IReadOnlyList<SchoolFigures> schools, IReadOnlyList<CompiledIndicator> indicators, IReadOnlyDictionary<string, string> regionNames,
        Func<SchoolFigures, string>? groupOf, string nodeKey, string nodeName)
    {
        _schools = schools;
        _indicators = indicators;
        _regionNames = regionNames;
        var groups = new List<BelowTargetGroup>();
        var start = 0;
        var count = 0;
        for (var s = 0; s < schools.Count; s++)
        {
            if (s > start && groupOf is not null && groupOf(schools[s]) != groupOf(schools[start]))
            {
                groups.Add(Group(start, s, count));
                (start, count) = (s, 0);
            }
            count += BelowCount(schools[s]);
        }
        if (schools.Count > 0)
        {
            groups.Add(Group(start, schools.Count, count));
        }
        BySubRegion = groupOf is not null;
        Groups = groups.Where(g => g.Count > 0).ToList();
        Count = groups.Sum(g => g.Count);

        BelowTargetGroup Group(int first, int end, int rows)
        {
            var key = groupOf is null ? nodeKey : groupOf(schools[first]);
            return new BelowTargetGroup(key, groupOf is null ? nodeName : regionNames.GetValueOrDefault(key, key), rows, first, end);
        }
    }

    /// <summary>True when grouped by sub-region; false for a county's or a school's report (one group, the node).</summary>
    public bool BySubRegion { get; }

    /// <summary>All rows (school × indicator), over every group.</summary>
    public int Count { get; }

    /// <summary>The groups that have at least one row, in the list's order.</summary>
    public IReadOnlyList<BelowTargetGroup> Groups { get; }

    /// <summary>Every row, group after group, schools by county then name, indicators in catalogue order.</summary>
    public IEnumerable<BelowTarget> Rows() => Groups.SelectMany(Rows);

    public IEnumerable<BelowTarget> Rows(BelowTargetGroup group)
    {
        for (var s = group.FirstSchool; s < group.EndSchool; s++)
        {
            var school = _schools[s];
            for (var i = 0; i < _indicators.Count; i++)
            {
                if (school.Met(i) == false)
                {
                    var row = _indicators[i].Row;
                    yield return new BelowTarget(school.Name, _regionNames.GetValueOrDefault(school.CountyCode, school.CountyCode), row.Name, row.Unit, row.Display,
                        school.Values[i]!.Value, school.Targets[i]!.Value);
                }
            }
        }
    }

    private int BelowCount(SchoolFigures school)
    {
        var n = 0;
        for (var i = 0; i < _indicators.Count; i++)
        {
            if (school.Met(i) == false)
            {
                n++;
            }
        }
        return n;
    }
}
