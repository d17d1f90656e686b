using EduCloud.Kernel.Codes;

namespace EduCloud.Teachers.Contracts;

/// <summary>
/// Active (在岗) teachers counted per school and cell, for the five-level statistics (teachers by subject and
/// qualification, pupil/teacher ratios). Computed with a GROUP BY over the registry on each read.
/// </summary>
public interface ITeacherCensus
{
    /// <summary>The cells the caller may see (scope-filtered).</summary>
    IAsyncEnumerable<TeacherCell> ReadAsync(CancellationToken ct);

    /// <summary>Every cell, for the platform's own rollup; never hand the result to a caller unfiltered.</summary>
    IAsyncEnumerable<TeacherCell> ReadAllAsync(CancellationToken ct);

    /// <summary>Every cell of some schools (not scope-filtered), for refreshing a cache after <see cref="ITeacherCensusChangeFeed"/> fires.</summary>
    Task<IReadOnlyList<TeacherCell>> ReadSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct);
}

/// <summary>
/// Raised in this process after a commit that added, changed or removed teacher records, with the schools they were
/// at before and after (a transfer touches two). In-process only, like the student census feed (docs/adr/0007).
/// </summary>
public interface ITeacherCensusChangeFeed
{
    event Action<IReadOnlyCollection<Guid>>? SchoolsChanged;

    /// <summary>Goes up by one per published change; lets a cache tell it is stale without listening.</summary>
    long Version { get; }
}

/// <summary>
/// One cell: SubjectCode is the teacher's main subject (主教学科), EducationCode the highest 学历 (GB/T 4658),
/// Qualification the highest 教师资格 held, TitleCode the 职称 code (see TeacherCodes in the module).
/// </summary>
public sealed record TeacherCell(Guid SchoolId, string ProvinceCode, string CityCode, string CountyCode, string SubjectCode,
    QualificationKind Qualification, string EducationCode, string TitleCode, Sex Sex, int Teachers);

/// <summary>
/// 教师资格种类 (《教师资格条例》 第四条), ordered from the lowest to the highest school level they allow teaching at,
/// so "highest held" is the maximum. None: no certificate recorded.
/// </summary>
public enum QualificationKind
{
    None = 0,
    /// <summary>幼儿园教师资格</summary>
    Kindergarten = 1,
    /// <summary>小学教师资格</summary>
    Primary = 2,
    /// <summary>初级中学教师资格</summary>
    JuniorSecondary = 3,
    /// <summary>中等职业学校实习指导教师资格</summary>
    VocationalPractice = 4,
    /// <summary>中等职业学校教师资格 (专业课)</summary>
    VocationalSubject = 5,
    /// <summary>高级中学教师资格</summary>
    SeniorSecondary = 6,
}
