using System.Runtime.CompilerServices;

namespace EduCloud.Statistics.Rollup;

/// <summary>
/// A population the five-level statistics count: students now, teachers once the Teachers module is merged. The
/// engine knows nothing about either; a source says which breakdowns (dimensions) it has and hands over its per-school
/// census cells. Two real implementations are planned, so this interface earns its place.
/// </summary>
internal interface IPopulationSource
{
    PopulationShape Shape { get; }

    /// <summary>
    /// Every school with its cells, one school at a time, for a full build. Not scope-filtered: the engine applies the
    /// caller's scope when it answers.
    /// </summary>
    IAsyncEnumerable<SchoolNode> ReadAllAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>The current cells of some schools (all of them, so a school's refresh replaces what the engine held).</summary>
    Task<IReadOnlyList<SchoolFact>> ReadSchoolsAsync(IServiceProvider services, IReadOnlyCollection<Guid> schoolIds, CancellationToken ct);

    /// <summary>Hooks the population's change feed; <paramref name="changed"/> is called after each commit with the schools it touched.</summary>
    void Subscribe(Action<IReadOnlyCollection<Guid>> changed);
}

/// <summary>What a population counts (up to four measures) and along which dimensions it breaks down.</summary>
internal sealed record PopulationShape(string Name, IReadOnlyList<string> MeasureTitles, IReadOnlyList<Dimension> Dimensions)
{
    /// <summary>Slot 0 is the total of active members; each dimension's values follow, in declaration order.</summary>
    public int SlotCount { get; } = 1 + Dimensions.Sum(d => d.Size);

    public int VectorLength => SlotCount * Measures.Count;

    public int OffsetOf(int dimension)
    {
        var offset = 1;
        for (var i = 0; i < dimension; i++)
        {
            offset += Dimensions[i].Size;
        }
        return offset;
    }

    public int IndexOf(string key)
    {
        for (var i = 0; i < Dimensions.Count; i++)
        {
            if (string.Equals(Dimensions[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>
/// One breakdown: a key for the API (stage), a Chinese title (学段), and value labels by index. A dimension that
/// counts inactive members too (status: 退学 and 毕业 are not on the roll) says so; the others count active members only.
/// </summary>
internal sealed record Dimension(string Key, string Title, IReadOnlyList<string> Labels, bool CountsInactive = false, bool ShowZeros = true)
{
    public int Size => Labels.Count;
}

/// <summary>A cell's value in each dimension, as indexes into the dimension's labels (every dimension has fewer than 256 values).</summary>
[InlineArray(8)]
internal struct DimensionValues
{
    private byte _first;
}

/// <summary>Up to four counts per cell (students: 学生数, 留守儿童, 随迁子女, 残疾学生).</summary>
internal readonly record struct Measures(int A, int B, int C, int D)
{
    public const int Count = 4;

    public int this[int i] => i switch { 0 => A, 1 => B, 2 => C, _ => D };
}

/// <summary>One census cell: whether its members are active (在籍), their dimension values, and the counts.</summary>
internal readonly record struct Cell(bool Active, DimensionValues Values, Measures Measures);

/// <summary>A census cell with the school it belongs to and the school's place in the tree.</summary>
internal readonly record struct SchoolFact(Guid SchoolId, string ProvinceCode, string CityCode, string CountyCode, Cell Cell);
