using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Identity.Domain;

/// <summary>
/// 实名账号 (real-name account): one person, one identity across the platform (一人一号).
/// Personal data is held encrypted with a keyed hash beside it for look-up, and a mask for lists.
/// The scope columns give the account's home node, which decides which administrators manage it.
/// </summary>
internal sealed class Account : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    [PersonalData] public string CitizenIdCipher { get; set; } = "";
    public string CitizenIdHash { get; set; } = "";
    public string CitizenIdMasked { get; set; } = "";
    [PersonalData] public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public Sex Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool MustChangePassword { get; set; }
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>Changes whenever the password or roles change, so old cookies and cached scopes stop working.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? RetiredAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    [AliasOf(nameof(Id))]
    public Guid PersonId => Id;

    public void PlaceAt(ScopeKey key)
    {
        ProvinceCode = key.ProvinceCode;
        CityCode = key.CityCode;
        CountyCode = key.CountyCode;
        SchoolId = key.SchoolId;
        ClassId = key.ClassId;
    }
}
