using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// How many students one school has in one cell (stage, grade, sex, ethnicity, urban/rural, status). Kept by
/// StudentsDbContext in the same transaction as every change to a student record, so the statistics built on it are
/// exact at every commit instead of refreshed now and then.
/// </summary>
internal sealed class SchoolCensus : IDerivedRow
{
    public long Id { get; set; }
    public Stage Stage { get; set; }
    public int GradeLevel { get; set; }
    public Sex Sex { get; set; }
    public string EthnicityCode { get; set; } = "";
    public UrbanRural UrbanRural { get; set; }
    public EnrolmentStatus Status { get; set; }
    public int Students { get; set; }
    public int LeftBehind { get; set; }
    public int Migrant { get; set; }
    public int Disabled { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    /// <summary>Always null: the census counts a school, not a class.</summary>
    public Guid? ClassId { get; set; }
}
