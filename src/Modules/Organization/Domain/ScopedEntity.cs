using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Organization.Domain;

/// <summary>Common columns of the organisation's scoped rows: where they sit, and when they were retired.</summary>
internal abstract class ScopedEntity : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>撤销/停用. Rows are retired, not deleted, so history that points at them stays whole.</summary>
    public DateTime? RetiredAt { get; set; }

    public void PlaceInCounty(string countyCode)
    {
        ProvinceCode = RegionCode.ProvinceOf(countyCode);
        CityCode = RegionCode.CityOf(countyCode);
        CountyCode = countyCode;
    }
}
