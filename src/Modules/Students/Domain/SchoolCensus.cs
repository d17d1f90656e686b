using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// One school's census: how many students it has in each cell (stage, grade, sex, ethnicity, urban/rural, status),
/// packed into <see cref="Cells"/> (format in Data/CensusCells.cs). One row per school, not one per cell, so a cold
/// national rollup reads about 30,000 rows instead of half a million (ADR 0033). Kept by StudentsDbContext in the
/// same transaction as every change to a student record, so the statistics built on it are exact at every commit.
/// </summary>
internal sealed class SchoolCensus : IDerivedRow
{
    public long Id { get; set; }

    /// <summary>The packed (cell, counts) pairs; a school without students has no row, or a row with no cells.</summary>
    public byte[] Cells { get; set; } = [];

    /// <summary>The sum of the cells' student counts over every status (a check, and a cheap "has students").</summary>
    public int Students { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    /// <summary>Always null: the census counts a school, not a class.</summary>
    public Guid? ClassId { get; set; }
}
