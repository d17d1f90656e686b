using EduCloud.Kernel.Codes;

namespace EduCloud.Organization.Domain;

/// <summary>学校. Its 学校标识码 (one school, one code) is unique and never changes.</summary>
internal sealed class School : ScopedEntity
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The 2-digit school type (学校类别), equal to the first two digits of the code.</summary>
    public string TypeCode { get; set; } = "";
    public StageSet Stages { get; set; }
    public UrbanRural UrbanRural { get; set; }
    /// <summary>County-level region code (GB/T 2260) the school sits in.</summary>
    public string RegionCode { get; set; } = "";
    public string Address { get; set; } = "";
}

/// <summary>The stages (学段) a school runs; a 九年一贯制 school runs primary and junior.</summary>
[Flags]
internal enum StageSet
{
    None = 0,
    Preschool = 1,
    Primary = 2,
    Junior = 4,
    Senior = 8,
    Vocational = 16,
    Higher = 32,
    Special = 64,
}
