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
}
