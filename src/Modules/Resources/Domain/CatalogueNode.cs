using EduCloud.Kernel.Scope;

namespace EduCloud.Resources.Domain;

/// <summary>
/// 教材目录: one node of the textbook catalogue, stage → subject → edition (教材版本) → volume (册) → chapter (章/单元)
/// → section (节/课). Reference data that administrators edit and import; resources hang off any node from the
/// volume down. Nodes are retired rather than deleted once a resource points at them.
/// </summary>
internal sealed class CatalogueNode : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ParentId { get; set; }
    public CatalogueLevel Level { get; set; }
    /// <summary>Stage and subject nodes carry ResourceCodes' codes; other levels a short code of their own.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>On volume nodes: the grade the volume is taught in (1-12), if it has one (高中 必修 volumes do not).</summary>
    public string? GradeCode { get; set; }
    public bool Retired { get; set; }
}

internal enum CatalogueLevel
{
    Stage = 1,
    Subject = 2,
    Edition = 3,
    Volume = 4,
    Chapter = 5,
    Section = 6,
}

internal static class CatalogueLevels
{
    public static string Name(CatalogueLevel level) => level switch
    {
        CatalogueLevel.Stage => "学段",
        CatalogueLevel.Subject => "学科",
        CatalogueLevel.Edition => "教材版本",
        CatalogueLevel.Volume => "册",
        CatalogueLevel.Chapter => "章/单元",
        _ => "节/课",
    };
}
