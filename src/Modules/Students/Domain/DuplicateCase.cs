using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// 重复学籍: the same person (same citizen ID hash) active at two schools. The case is placed at the lowest common
/// bureau of the two schools (county, city, province or the national root), which owns its resolution queue; the
/// scope filter then shows it to that bureau (and, read-only by rule, to the bureaus above it).
/// </summary>
internal sealed class DuplicateCase : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CitizenIdHash { get; set; } = "";
    /// <summary>The two records, the smaller id first, so a pair is flagged once (unique index).</summary>
    public Guid StudentAId { get; set; }
    public Guid StudentBId { get; set; }
    public Guid SchoolAId { get; set; }
    public Guid SchoolBId { get; set; }
    /// <summary>The bureau level that owns the case.</summary>
    public Role OwnerRole { get; set; }
    public DuplicateStatus Status { get; set; } = DuplicateStatus.Open;
    public Guid? KeptStudentId { get; set; }
    public string? ReasonCode { get; set; }
    public string? Note { get; set; }
    public DateTime FlaggedAt { get; set; }
    public Guid? ResolvedBy { get; set; }
    public string? ResolvedByName { get; set; }
    public DateTime? ResolvedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    /// <summary>Always null: a case belongs to a bureau, not a school.</summary>
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    /// <summary>Only the owning bureau's own administrators resolve (a county case: that county's bureau).</summary>
    public bool CanBeResolvedBy(IReadOnlyList<Role> roles, DataScope scope) =>
        roles.Contains(OwnerRole) && OwnerRole switch
        {
            Role.CountyAdmin => scope.ManagedCounties.Contains(CountyCode),
            Role.CityAdmin => scope.ManagedCities.Contains(CityCode),
            Role.ProvinceAdmin => scope.ManagedProvinces.Contains(ProvinceCode),
            Role.NationalAdmin => scope.ManagedProvinces.Contains(""),
            _ => false,
        };
}

internal enum DuplicateStatus
{
    Open = 1,
    /// <summary>One record kept, the other withdrawn.</summary>
    Merged = 2,
    NotDuplicate = 3,
}
