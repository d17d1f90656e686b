using System.Globalization;
using EduCloud.Monitoring.Domain;

namespace EduCloud.Monitoring.Indicators;

/// <summary>An indicator of the catalogue with its formulas compiled once.</summary>
internal sealed record CompiledIndicator(Indicator Row, Formula Formula, Formula? AppliesWhen, IReadOnlyList<IndicatorTarget> Targets)
{
    public static CompiledIndicator Of(Indicator row) =>
        new(row, Formula.Parse(row.Formula), string.IsNullOrWhiteSpace(row.AppliesWhen) ? null : Formula.Parse(row.AppliesWhen), row.Targets);
}

/// <summary>One school's indicator values from its latest approved return, with the target that applied to each.</summary>
internal sealed record SchoolFigures(Guid SchoolId, string Name, string ProvinceCode, string CityCode, string CountyCode, string Category, int Year,
    Guid ReturnId, double?[] Values, double?[] Targets)
{
    public bool? Met(int indicator) => Targets[indicator] is { } t && Values[indicator] is { } v ? v >= t - 1e-9 : null;

    /// <summary>Values of every indicator for one school's approved return.</summary>
    public static SchoolFigures Compute(IReadOnlyList<CompiledIndicator> indicators, AnnualReturn row)
    {
        var numbers = Numbers(row.Values);
        var values = new double?[indicators.Count];
        var targets = new double?[indicators.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            if (indicator.AppliesWhen is { } when && when.Evaluate(numbers) is not (not null and not 0))
            {
                continue;
            }
            values[i] = indicator.Formula.Evaluate(numbers);
            targets[i] = IndicatorTarget.For(indicator.Targets, row.Category, row.Year);
        }
        return new SchoolFigures(row.School, row.SchoolName, row.ProvinceCode, row.CityCode, row.CountyCode, row.Category, row.Year, row.Id, values, targets);
    }

    /// <summary>Numbers and yes/no of a stored return (choices and text are not numbers and are left out).</summary>
    public static Dictionary<string, double> Numbers(IReadOnlyDictionary<string, string> values)
    {
        var numbers = new Dictionary<string, double>(values.Count);
        foreach (var (key, text) in values)
        {
            if (text == "true" || text == "false")
            {
                numbers[key] = text == "true" ? 1 : 0;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                numbers[key] = n;
            }
        }
        return numbers;
    }
}

/// <summary>Per indicator, over the schools below a node: how many have a value, how many have a target, how many meet it, the sum.</summary>
internal sealed class NodeFigures(int indicators)
{
    public int Schools { get; set; }
    public int[] WithValue { get; } = new int[indicators];
    public int[] WithTarget { get; } = new int[indicators];
    public int[] Met { get; } = new int[indicators];
    public double[] Sum { get; } = new double[indicators];

    public double? Average(int i) => WithValue[i] == 0 ? null : Sum[i] / WithValue[i];

    public double? ShareMet(int i) => WithTarget[i] == 0 ? null : (double)Met[i] / WithTarget[i];

    public void Add(SchoolFigures school) => Count(school, 1);

    /// <summary>Takes a school's earlier figures out (an approval replaces them).</summary>
    public void Remove(SchoolFigures school) => Count(school, -1);

    /// <summary>Adds the figures of a node below (a county into its city, province and the nation).</summary>
    public void Merge(NodeFigures below)
    {
        Schools += below.Schools;
        for (var i = 0; i < WithValue.Length; i++)
        {
            WithValue[i] += below.WithValue[i];
            WithTarget[i] += below.WithTarget[i];
            Met[i] += below.Met[i];
            Sum[i] += below.Sum[i];
        }
    }

    public NodeFigures Copy()
    {
        var copy = new NodeFigures(WithValue.Length) { Schools = Schools };
        WithValue.CopyTo(copy.WithValue, 0);
        WithTarget.CopyTo(copy.WithTarget, 0);
        Met.CopyTo(copy.Met, 0);
        Sum.CopyTo(copy.Sum, 0);
        return copy;
    }

    private void Count(SchoolFigures school, int sign)
    {
        Schools += sign;
        for (var i = 0; i < WithValue.Length; i++)
        {
            if (school.Values[i] is { } v)
            {
                WithValue[i] += sign;
                Sum[i] += sign * v;
            }
            if (school.Met(i) is { } met)
            {
                WithTarget[i] += sign;
                Met[i] += met ? sign : 0;
            }
        }
    }
}

/// <summary>
/// The five levels at one moment: every school's values and the figures of every region above it (nation, province,
/// city, county). Immutable once built; the board swaps in a new one after each approval.
/// </summary>
internal sealed class IndicatorRollup
{
    public const string National = "national";

    public required IReadOnlyList<CompiledIndicator> Indicators { get; init; }
    public required IReadOnlyDictionary<Guid, SchoolFigures> Schools { get; init; }
    public required IReadOnlyDictionary<string, NodeFigures> Nodes { get; init; }
    /// <summary>Region (or "national") → its child regions that have schools with approved returns, by code.</summary>
    public required IReadOnlyDictionary<string, List<string>> ChildRegions { get; init; }
    public required IReadOnlyDictionary<string, List<Guid>> SchoolsOfCounty { get; init; }

    public int IndexOf(string key)
    {
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (Indicators[i].Row.Key == key)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// One approval: a new rollup in which one school's figures replace its earlier ones. Only the four nodes above the
    /// school are copied and adjusted (old figures out, new in); the rest is shared with this rollup, which readers may
    /// still hold. A school new to its county, or moved, takes the full recompute.
    /// </summary>
    public IndicatorRollup With(SchoolFigures school)
    {
        var old = Schools.GetValueOrDefault(school.SchoolId);
        var known = old is null ? SchoolsOfCounty.ContainsKey(school.CountyCode) && ChildRegions.GetValueOrDefault(school.CityCode)?.Contains(school.CountyCode) == true
            : old.CountyCode == school.CountyCode && old.CityCode == school.CityCode && old.ProvinceCode == school.ProvinceCode;
        var schools = Copy(Schools);
        schools[school.SchoolId] = school;
        if (!known)
        {
            return Build(Indicators, schools);
        }
        var nodes = Copy(Nodes);
        foreach (var code in new[] { National, school.ProvinceCode, school.CityCode, school.CountyCode }.Distinct())
        {
            var node = nodes[code].Copy();
            if (old is not null)
            {
                node.Remove(old);
            }
            node.Add(school);
            nodes[code] = node;
        }
        var counties = SchoolsOfCounty;
        if (old is null)
        {
            var copy = Copy(SchoolsOfCounty);
            copy[school.CountyCode] = [.. copy[school.CountyCode], school.SchoolId];
            counties = copy;
        }
        return new IndicatorRollup { Indicators = Indicators, Schools = schools, Nodes = nodes, ChildRegions = ChildRegions, SchoolsOfCounty = counties };
    }

    // Copying a Dictionary from a Dictionary copies its arrays (about 5 ns a school); from an interface it re-adds each entry.
    private static Dictionary<TKey, TValue> Copy<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> source) where TKey : notnull =>
        source is Dictionary<TKey, TValue> d ? new Dictionary<TKey, TValue>(d) : source.ToDictionary();

    /// <summary>
    /// The full recompute, no database: one pass adds each school to its county only (one lookup, O(schools ×
    /// indicators)), then the counties are summed into their cities, provinces and the nation (O(counties × indicators)).
    /// </summary>
    public static IndicatorRollup Build(IReadOnlyList<CompiledIndicator> indicators, IReadOnlyDictionary<Guid, SchoolFigures> schools)
    {
        var nodes = new Dictionary<string, NodeFigures>();
        var children = new Dictionary<string, HashSet<string>>();
        var counties = new Dictionary<string, List<Guid>>();
        var countyNodes = new Dictionary<string, (NodeFigures Node, SchoolFigures First)>();
        foreach (var school in schools.Values)
        {
            if (!countyNodes.TryGetValue(school.CountyCode, out var county))
            {
                countyNodes[school.CountyCode] = county = (new NodeFigures(indicators.Count), school);
                counties[school.CountyCode] = [];
            }
            county.Node.Add(school);
            counties[school.CountyCode].Add(school.SchoolId);
        }
        foreach (var (code, county) in countyNodes)
        {
            var first = county.First;
            nodes[code] = county.Node;
            // Each distinct level above the county once (a code repeated across levels is one node, counted once).
            foreach (var above in new[] { first.CityCode, first.ProvinceCode, National }.Distinct().Where(c => c != code))
            {
                Node(above).Merge(county.Node);
            }
            Child(National, first.ProvinceCode);
            Child(first.ProvinceCode, first.CityCode);
            Child(first.CityCode, code);
        }
        return new IndicatorRollup
        {
            Indicators = indicators,
            Schools = schools,
            Nodes = nodes,
            ChildRegions = children.ToDictionary(c => c.Key, c => c.Value.Order(StringComparer.Ordinal).ToList()),
            SchoolsOfCounty = counties,
        };

        NodeFigures Node(string code)
        {
            if (!nodes.TryGetValue(code, out var node))
            {
                nodes[code] = node = new NodeFigures(indicators.Count);
            }
            return node;
        }

        void Child(string parent, string child)
        {
            if (parent == child)
            {
                return;
            }
            if (!children.TryGetValue(parent, out var set))
            {
                children[parent] = set = [];
            }
            set.Add(child);
        }
    }
}
