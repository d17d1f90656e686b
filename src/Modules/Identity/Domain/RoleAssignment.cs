using EduCloud.Kernel.Scope;

namespace EduCloud.Identity.Domain;

/// <summary>
/// A role held at one node of the organisation tree: a bureau role at a region, a school role at a school,
/// a teacher or student at a class (or a school, before classes are set). One person may hold several.
/// </summary>
internal sealed class RoleAssignment : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Role Role { get; set; }
    /// <summary>The node: a region code for bureau roles, else null.</summary>
    public string? RegionCode { get; set; }
    /// <summary>Subject taught (学科), for a teacher at a class, e.g. 语文.</summary>
    public string? Subject { get; set; }
    public DateTime CreatedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public ScopeKey Key => new(ProvinceCode, CityCode, CountyCode, SchoolId, ClassId);
}

/// <summary>监护关系: a parent or guardian linked to a child. Sits where the child sits.</summary>
internal sealed class GuardianLink : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ParentId { get; set; }
    public Guid ChildId { get; set; }
    /// <summary>关系, e.g. 父亲, 母亲, 祖父母, 其他监护人.</summary>
    public string Relation { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    /// <summary>A link that sits where the child sits, so the child's administrators manage it.</summary>
    public static GuardianLink Between(Guid parentId, Account child, string? relation, DateTime now) => new()
    {
        ParentId = parentId,
        ChildId = child.Id,
        Relation = string.IsNullOrWhiteSpace(relation) ? "监护人" : relation.Trim(),
        CreatedAt = now,
        ProvinceCode = child.ProvinceCode,
        CityCode = child.CityCode,
        CountyCode = child.CountyCode,
        SchoolId = child.SchoolId,
        ClassId = child.ClassId,
    };
}

internal static class RoleAssignmentPlacement
{
    /// <summary>Places an assignment at its node. A bureau role's node is its region; the region code is kept too.</summary>
    public static void PlaceAt(this RoleAssignment a, ScopeKey key, Role role)
    {
        a.Role = role;
        a.ProvinceCode = key.ProvinceCode;
        a.CityCode = key.CityCode;
        a.CountyCode = key.CountyCode;
        a.SchoolId = key.SchoolId;
        a.ClassId = key.ClassId;
    }
}
