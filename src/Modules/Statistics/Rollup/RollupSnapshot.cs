using EduCloud.Kernel.Codes;

namespace EduCloud.Statistics.Rollup;

/// <summary>A region of the rollup ("" is the nation). Its vector holds every slot x measure, summed over its schools.</summary>
internal sealed class RegionNode(string code, RegionLevel level, int[] vector, List<string> childRegions, List<Guid> childSchools)
{
    public string Code { get; } = code;
    public RegionLevel Level { get; } = level;
    public int[] Vector { get; } = vector;
    public List<string> ChildRegions { get; } = childRegions;
    public List<Guid> ChildSchools { get; } = childSchools;

    public RegionNode Clone() => new(Code, Level, (int[])Vector.Clone(), [.. ChildRegions], [.. ChildSchools]);
}

/// <summary>A school of the rollup: its census cells as read (a few dozen), summed on demand.</summary>
internal sealed record SchoolNode(Guid Id, string ProvinceCode, string CityCode, string CountyCode, Cell[] Cells)
{
    /// <summary>The region a school hangs under: its county, or its city where the city has no counties (东莞, 中山).</summary>
    public string ParentCode => CountyCode.Length == 6 && CountyCode != CityCode ? CountyCode : CityCode;
}

/// <summary>
/// One immutable state of the five-level rollup. Readers hold a reference and never see it change; a refresh builds
/// the next snapshot by copying only what it touches (the changed schools, their county, city, province and the
/// nation) and the cube swaps the reference atomically. Nodes shared with the previous snapshot are never written.
/// </summary>
internal sealed class RollupSnapshot
{
    private readonly int[] _offsets;

    private RollupSnapshot(PopulationShape shape, Dictionary<string, RegionNode> regions, Dictionary<Guid, SchoolNode> schools, long version)
    {
        Shape = shape;
        Regions = regions;
        Schools = schools;
        Version = version;
        _offsets = Enumerable.Range(0, shape.Dimensions.Count).Select(shape.OffsetOf).ToArray();
    }

    public PopulationShape Shape { get; }
    public IReadOnlyDictionary<string, RegionNode> Regions { get; }
    public IReadOnlyDictionary<Guid, SchoolNode> Schools { get; }
    /// <summary>The change-feed signal count this snapshot includes.</summary>
    public long Version { get; }

    public static RollupSnapshot Empty(PopulationShape shape) => new(shape, [], [], 0);

    /// <summary>Rolls up whole schools' cells from scratch: each cell is added once into its school's region, then regions sum upwards.</summary>
    public static RollupSnapshot Build(PopulationShape shape, IEnumerable<SchoolNode> schools, long version)
    {
        var editor = new Editor(Empty(shape), shape);
        foreach (var school in schools)
        {
            editor.AddSchoolToParentOnly(school);
        }
        editor.SumUpwards();
        return editor.Finish(version);
    }

    /// <summary>The next snapshot with some schools' cells replaced; only their region paths are copied and adjusted by the difference.</summary>
    public RollupSnapshot With(IReadOnlyCollection<SchoolNode> changed, long version)
    {
        var editor = new Editor(this, Shape);
        foreach (var school in changed)
        {
            editor.Replace(school);
        }
        return editor.Finish(version);
    }

    public RollupSnapshot WithVersion(long version) =>
        new(Shape, (Dictionary<string, RegionNode>)Regions, (Dictionary<Guid, SchoolNode>)Schools, version);

    public int[] VectorOf(SchoolNode school)
    {
        var vector = new int[Shape.VectorLength];
        foreach (var cell in school.Cells)
        {
            Add(vector, cell, +1);
        }
        return vector;
    }

    public static Measures At(int[] vector, int slot)
    {
        var i = slot * Measures.Count;
        return new Measures(vector[i], vector[i + 1], vector[i + 2], vector[i + 3]);
    }

    internal void Add(int[] vector, in Cell cell, int sign)
    {
        var m = cell.Measures;
        var dimensions = Shape.Dimensions;
        if (cell.Active)
        {
            AddAt(vector, 0, m, sign);
        }
        for (var d = 0; d < _offsets.Length; d++)
        {
            if (cell.Active || dimensions[d].CountsInactive)
            {
                AddAt(vector, _offsets[d] + cell.Values[d], m, sign);
            }
        }
    }

    private static void AddAt(int[] vector, int slot, Measures m, int sign)
    {
        var i = slot * Measures.Count;
        vector[i] += sign * m.A;
        vector[i + 1] += sign * m.B;
        vector[i + 2] += sign * m.C;
        vector[i + 3] += sign * m.D;
    }

    /// <summary>Copy-on-write over a snapshot: the dictionaries are copied once, a region node the first time it is touched.</summary>
    private sealed class Editor(RollupSnapshot from, PopulationShape shape)
    {
        private readonly Dictionary<string, RegionNode> _regions = new((Dictionary<string, RegionNode>)from.Regions);
        private readonly Dictionary<Guid, SchoolNode> _schools = new((Dictionary<Guid, SchoolNode>)from.Schools);
        private readonly HashSet<RegionNode> _owned = new(ReferenceEqualityComparer.Instance);

        public void AddSchoolToParentOnly(SchoolNode school)
        {
            _schools[school.Id] = school;
            var parent = Mutable(school.ParentCode);
            parent.ChildSchools.Add(school.Id);
            foreach (var cell in school.Cells)
            {
                from.Add(parent.Vector, cell, +1);
            }
        }

        /// <summary>After <see cref="AddSchoolToParentOnly"/>: counties into cities, cities into provinces, provinces into the nation.</summary>
        public void SumUpwards()
        {
            foreach (var level in new[] { RegionLevel.County, RegionLevel.City, RegionLevel.Province })
            {
                foreach (var node in _regions.Values.Where(r => r.Level == level).ToList())
                {
                    var parent = Mutable(ParentOf(node.Code));
                    var target = parent.Vector;
                    var source = node.Vector;
                    for (var i = 0; i < source.Length; i++)
                    {
                        target[i] += source[i];
                    }
                }
            }
        }

        public void Replace(SchoolNode school)
        {
            if (_schools.TryGetValue(school.Id, out var old))
            {
                AdjustPath(old, from.VectorOf(old), -1);
                if (old.ParentCode != school.ParentCode)
                {
                    Mutable(old.ParentCode).ChildSchools.Remove(old.Id);
                    Mutable(school.ParentCode).ChildSchools.Add(school.Id);
                }
            }
            else
            {
                Mutable(school.ParentCode).ChildSchools.Add(school.Id);
            }
            _schools[school.Id] = school;
            AdjustPath(school, from.VectorOf(school), +1);
        }

        public RollupSnapshot Finish(long version) => new(shape, _regions, _schools, version);

        private void AdjustPath(SchoolNode school, int[] vector, int sign)
        {
            for (var code = school.ParentCode; ; code = ParentOf(code))
            {
                var target = Mutable(code).Vector;
                for (var i = 0; i < vector.Length; i++)
                {
                    target[i] += sign * vector[i];
                }
                if (code.Length == 0)
                {
                    return;
                }
            }
        }

        /// <summary>The node for a region code, created (and linked to its parent) or copied from the old snapshot on first touch.</summary>
        private RegionNode Mutable(string code)
        {
            if (_regions.TryGetValue(code, out var node))
            {
                if (_owned.Contains(node))
                {
                    return node;
                }
                node = node.Clone();
            }
            else
            {
                node = new RegionNode(code, code.Length == 0 ? RegionLevel.National : RegionCode.LevelOf(code), new int[shape.VectorLength], [], []);
                if (code.Length > 0)
                {
                    Mutable(ParentOf(code)).ChildRegions.Add(code);
                }
            }
            _regions[code] = node;
            _owned.Add(node);
            return node;
        }

        private static string ParentOf(string code) => RegionCode.LevelOf(code) switch
        {
            RegionLevel.Province => "",
            RegionLevel.City => RegionCode.ProvinceOf(code),
            _ => RegionCode.CityOf(code) is var city && city != RegionCode.ProvinceOf(code) ? city : RegionCode.ProvinceOf(code),
        };
    }
}
