using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;

namespace EduCloud.Students.Domain;

/// <summary>
/// 学籍: one student's status record, kept for life under one national student number (一人一号). The record moves
/// with the student: a transfer re-places this row, it never copies it, so the history stays whole and the student
/// is never in two schools or in none. The scope columns say where the student is enrolled now.
/// </summary>
internal sealed class StudentRecord : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>全国学籍号, 19 characters: G + citizen ID, J + 18 digits, or temporary L + region + birth date + 4.</summary>
    public string StudentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    [PersonalData] public string? CitizenIdCipher { get; set; }
    /// <summary>Keyed hash of the citizen ID: finds the same person at another school without decrypting (duplicates).</summary>
    public string? CitizenIdHash { get; set; }
    public string? CitizenIdMasked { get; set; }
    /// <summary>GB 3304 two-digit code.</summary>
    public string EthnicityCode { get; set; } = "01";
    /// <summary>户籍所在地 (GB/T 2260 code) and 户口性质.</summary>
    public string? HukouRegionCode { get; set; }
    public HukouKind HukouKind { get; set; }
    [PersonalData] public string? AddressCipher { get; set; }
    public string? AddressMasked { get; set; }
    /// <summary>留守儿童.</summary>
    public bool LeftBehind { get; set; }
    /// <summary>进城务工人员随迁子女.</summary>
    public bool Migrant { get; set; }
    public DisabilityKind Disability { get; set; }

    public EnrolmentStatus Status { get; set; }
    public Stage Stage { get; set; }
    /// <summary>1-based year within the stage (一年级 = 1, 初一 = 1), as in Organization's grades.</summary>
    public int GradeLevel { get; set; }
    public Guid? GradeId { get; set; }
    /// <summary>入学年份 of the student's cohort.</summary>
    public int EntryYear { get; set; }
    /// <summary>The school's urban/rural classification, copied when placed, for the statistics.</summary>
    public UrbanRural UrbanRural { get; set; }
    /// <summary>The student's real-name account in Identity, when one exists.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>Guardian consent for a child under 14 (个人信息保护法 第31条): who gave it and when.</summary>
    public string? ConsentGuardianName { get; set; }
    public DateTime? ConsentRecordedAt { get; set; }

    public List<Guardian> Guardians { get; set; } = [];

    /// <summary>Optimistic concurrency: two administrators acting on one student at once cannot both win.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public bool IsUnder14(DateOnly today) => BirthDate.AddYears(14) > today;

    public void PlaceAt(ScopeKey key)
    {
        ProvinceCode = key.ProvinceCode;
        CityCode = key.CityCode;
        CountyCode = key.CountyCode;
        SchoolId = key.SchoolId;
        ClassId = key.ClassId;
    }
}

/// <summary>监护人. Stored with the record (JSON); the phone is personal data.</summary>
internal sealed class Guardian
{
    public string Name { get; set; } = "";
    /// <summary>关系: 父亲, 母亲, 祖父母 ...</summary>
    public string Relation { get; set; } = "";
    [PersonalData] public string? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    public Guid? AccountId { get; set; }
}

/// <summary>学籍状态. A student in transfer stays Enrolled at the sending school until the transfer completes.</summary>
internal enum EnrolmentStatus
{
    Enrolled = 1,
    Suspended = 2,
    Withdrawn = 3,
    Graduated = 4,
}

/// <summary>户口性质.</summary>
internal enum HukouKind
{
    Unknown = 0,
    Agricultural = 1,
    NonAgricultural = 2,
}

/// <summary>残疾类型 (GB/T 26341 categories); None for most students.</summary>
internal enum DisabilityKind
{
    None = 0,
    Visual = 1,
    Hearing = 2,
    Speech = 3,
    Physical = 4,
    Intellectual = 5,
    Mental = 6,
    Multiple = 7,
}
