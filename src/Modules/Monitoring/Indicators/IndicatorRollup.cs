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

    public void Add(SchoolFigures school)
    {
        Schools++;
        for (var i = 0; i < WithValue.Length; i++)
        {
            if (school.Values[i] is { } v)
            {
                WithValue[i]++;
                Sum[i] += v;
            }
            if (school.Met(i) is { } met)
            {
                WithTarget[i]++;
                Met[i] += met ? 1 : 0;
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

    /// <summary>The full recompute: one pass over the schools (O(schools × indicators)), no database.</summary>
    public static IndicatorRollup Build(IReadOnlyList<CompiledIndicator> indicators, IReadOnlyDictionary<Guid, SchoolFigures> schools)
    {
        var nodes = new Dictionary<string, NodeFigures>();
        var children = new Dictionary<string, HashSet<string>>();
        var counties = new Dictionary<string, List<Guid>>();
        foreach (var school in schools.Values)
        {
            Node(National).Add(school);
            Node(school.ProvinceCode).Add(school);
            Node(school.CityCode).Add(school);
            Node(school.CountyCode).Add(school);
            Child(National, school.ProvinceCode);
            Child(school.ProvinceCode, school.CityCode);
            Child(school.CityCode, school.CountyCode);
            if (!counties.TryGetValue(school.CountyCode, out var list))
            {
                counties[school.CountyCode] = list = [];
            }
            list.Add(school.SchoolId);
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
