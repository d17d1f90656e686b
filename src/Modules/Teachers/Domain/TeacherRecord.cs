using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Teachers.Contracts;

namespace EduCloud.Teachers.Domain;

/// <summary>
/// 教师信息 (teacher record): one teacher, one national teacher number (教师编号) for life. The record sits at the school
/// the teacher works at now; a transfer (调动) re-places this row rather than copying it, so the history stays whole.
/// Qualifications, class assignments and training are kept with the record (JSON): they are edited with it and
/// share its Version, so two administrators cannot both win an edit.
/// </summary>
internal sealed class TeacherRecord : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>教师编号, 16 digits (see <see cref="TeacherNumber"/>).</summary>
    public string TeacherNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    [PersonalData] public string CitizenIdCipher { get; set; } = "";
    /// <summary>Keyed hash of the citizen ID: one record per person, found without decrypting.</summary>
    public string CitizenIdHash { get; set; } = "";
    public string CitizenIdMasked { get; set; } = "";
    /// <summary>GB 3304 two-digit code.</summary>
    public string EthnicityCode { get; set; } = "01";
    /// <summary>最高学历, GB/T 4658-2006 code (see <see cref="TeacherCodes.Educations"/>).</summary>
    public string EducationCode { get; set; } = "";
    /// <summary>职称 (see <see cref="TeacherCodes.Titles"/>).</summary>
    public string TitleCode { get; set; } = TeacherCodes.Untitled;
    /// <summary>任教学科 codes; the first is the main subject (主教学科) the statistics count the teacher under.</summary>
    public List<string> SubjectCodes { get; set; } = [];
    /// <summary>Copy of the first subject, a plain column for the census GROUP BY.</summary>
    public string MainSubjectCode { get; set; } = "";
    /// <summary>The highest 教师资格 held, a plain column for the census (None when the teacher holds none).</summary>
    public QualificationKind HighestQualification { get; set; }
    public TeacherStatus Status { get; set; } = TeacherStatus.Active;
    /// <summary>The teacher's real-name account in Identity; Guid.Empty when not linked.</summary>
    public Guid AccountId { get; set; }

    public List<Qualification> Qualifications { get; set; } = [];
    public List<ClassAssignment> Assignments { get; set; } = [];
    public List<TrainingRecord> Training { get; set; } = [];

    /// <summary>Optimistic concurrency: bumped by every change (see <see cref="Touch"/>).</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    /// <summary>The linked teacher sees their own record wherever it sits (scope filter, People term).</summary>
    [AliasOf(nameof(AccountId))]
    public Guid PersonId => AccountId;

    public void PlaceAt(ScopeKey key)
    {
        ProvinceCode = key.ProvinceCode;
        CityCode = key.CityCode;
        CountyCode = key.CountyCode;
        SchoolId = key.SchoolId;
        ClassId = null;
    }

    /// <summary>Marks a change: the version moves on, so a form loaded before it is stale.</summary>
    public void Touch(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }

    public void Derive()
    {
        MainSubjectCode = SubjectCodes.FirstOrDefault() ?? "";
        HighestQualification = Qualifications.Count == 0 ? QualificationKind.None : Qualifications.Max(q => q.Kind);
    }
}

/// <summary>教师资格证书: kind, subject and certificate number (教师资格证书编号, 17 digits).</summary>
internal sealed class Qualification
{
    public QualificationKind Kind { get; set; }
    public string SubjectCode { get; set; } = "";
    public string CertificateNumber { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
}

/// <summary>任课 (class assignment): a class and the subject taught there; a head teacher (班主任) flag. Ended, never deleted.</summary>
internal sealed class ClassAssignment
{
    public Guid ClassId { get; set; }
    public string ClassName { get; set; } = "";
    public Guid SchoolId { get; set; }
    public string SubjectCode { get; set; } = "";
    public bool HeadTeacher { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

/// <summary>信息技术应用能力提升培训 (IT-application training, 提升工程 2.0): one course completed.</summary>
internal sealed class TrainingRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CourseName { get; set; } = "";
    public string Provider { get; set; } = "";
    /// <summary>学时 (class hours), whole hours as certificates state them.</summary>
    public int Hours { get; set; }
    public DateOnly CompletedOn { get; set; }
    public int Year { get; set; }
}

/// <summary>任职状态: 在岗 / 调出 (left for another system) / 退休 / 离岗. A transfer between schools keeps the teacher 在岗.</summary>
internal enum TeacherStatus
{
    Active = 1,
    TransferredOut = 2,
    Retired = 3,
    Left = 4,
}
