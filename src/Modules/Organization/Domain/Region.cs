using EduCloud.Kernel.Codes;

namespace EduCloud.Organization.Domain;

/// <summary>行政区划 (administrative division), GB/T 2260. Reference data: shipped with the product, never scoped.</summary>
internal sealed class Region
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Set when the code was retired (撤销). A retired code stays valid for historical records.</summary>
    public DateOnly? RetiredOn { get; set; }
    public string? ReplacedBy { get; set; }
}
