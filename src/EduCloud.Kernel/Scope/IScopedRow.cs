namespace EduCloud.Kernel.Scope;

/// <summary>
/// A row that lives at a node of the organisation tree. The scope columns are denormalised on purpose:
/// they let one index-friendly filter (see <see cref="Data.ScopedDbContext"/>) decide visibility for every
/// scoped table, and they are the partition key if a node outgrows one database.
/// </summary>
public interface IScopedRow
{
    string ProvinceCode { get; }
    string CityCode { get; }
    string CountyCode { get; }
    Guid? SchoolId { get; }
    Guid? ClassId { get; }
}

/// <summary>Where a row or an assignment sits in the tree.</summary>
public readonly record struct ScopeKey(string ProvinceCode, string CityCode, string CountyCode, Guid? SchoolId, Guid? ClassId)
{
    public static ScopeKey Of(IScopedRow row) => new(row.ProvinceCode, row.CityCode, row.CountyCode, row.SchoolId, row.ClassId);

    /// <summary>
    /// The key of a whole region (province, city or county by its GB/T 2260 code), for reading its totals or its space.
    /// "-" never matches a scope entry, so only the region's own bureau and those above it read it: a county bureau
    /// does not read its city's totals, nor a city bureau its province's.
    /// </summary>
    public static ScopeKey OfRegion(string code) => Codes.RegionCode.LevelOf(code) switch
    {
        Codes.RegionLevel.Province => new(code, "-", "-", null, null),
        Codes.RegionLevel.City => new(Codes.RegionCode.ProvinceOf(code), code, "-", null, null),
        _ => new(Codes.RegionCode.ProvinceOf(code), Codes.RegionCode.CityOf(code), code, null, null),
    };
}
