using EduCloud.Kernel.Codes;

namespace EduCloud.Organization.Domain;

/// <summary>教学点: a small remote teaching site attached to a central school (中心校), which manages it.</summary>
internal sealed class TeachingPoint : ScopedEntity
{
    public Guid CentralSchoolId { get; set; }
    public string Name { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Address { get; set; } = "";
    public UrbanRural UrbanRural { get; set; } = UrbanRural.Rural;
}
