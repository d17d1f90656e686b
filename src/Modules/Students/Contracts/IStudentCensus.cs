using EduCloud.Kernel.Codes;

namespace EduCloud.Students.Contracts;

/// <summary>
/// The student counts per school and cell, exact at every commit (kept in the same transaction as the records).
/// The statistics module builds its five-level rollups from this instead of reading student records.
/// </summary>
public interface IStudentCensus
{
    /// <summary>The cells the caller may see (scope-filtered), with any count.</summary>
    IAsyncEnumerable<CensusCell> ReadAsync(CancellationToken ct);

    /// <summary>Every cell, for the platform's own figures; never hand the result to a caller unfiltered.</summary>
    IAsyncEnumerable<CensusCell> ReadAllAsync(CancellationToken ct);

    /// <summary>
    /// Every school's census, one school at a time with all its cells, for the platform's rollup cache (a cold build reads
    /// the whole country: about 30,000 schools). Schools without students are left out. Never hand the result to a caller
    /// unfiltered.
    /// </summary>
    IAsyncEnumerable<CensusSchool> ReadAllSchoolsAsync(CancellationToken ct);

    /// <summary>The current cells of some schools, for refreshing a cache after <see cref="ICensusChangeFeed"/> fires.</summary>
    Task<IReadOnlyList<CensusCell>> ReadSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct);
}

/// <summary>Enrolment status as the statistics see it.</summary>
public enum CensusStatus
{
    Enrolled = 1,
    Suspended = 2,
    Withdrawn = 3,
    Graduated = 4,
}

/// <summary>One school's cells with a student in them, and the school's place in the tree.</summary>
public sealed record CensusSchool(Guid SchoolId, string ProvinceCode, string CityCode, string CountyCode, IReadOnlyList<CensusCount> Cells);

/// <summary>One cell of a school's census and its counts (a value, so a school's cells are one array).</summary>
public readonly record struct CensusCount(Stage Stage, int GradeLevel, Sex Sex, string EthnicityCode, UrbanRural UrbanRural, CensusStatus Status,
    int Students, int LeftBehind, int Migrant, int Disabled);

public sealed record CensusCell(Guid SchoolId, string ProvinceCode, string CityCode, string CountyCode, Stage Stage, int GradeLevel, Sex Sex,
    string EthnicityCode, UrbanRural UrbanRural, CensusStatus Status, int Students, int LeftBehind, int Migrant, int Disabled);

/// <summary>
/// Raised in this process after a commit that changed some schools' census. In-process only: a second node learns of
/// changes by re-reading (see docs/adr/0007).
/// </summary>
public interface ICensusChangeFeed
{
    event Action<IReadOnlyCollection<Guid>>? SchoolsChanged;

    /// <summary>Goes up by one per committed census change; lets a cache tell it is stale without listening.</summary>
    long Version { get; }
}
