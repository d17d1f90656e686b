using EduCloud.Kernel.Codes;
using EduCloud.Teachers.Contracts;
using EduCloud.Teachers.Domain;

namespace EduCloud.Teachers.Features.Registry;

public sealed record CodeName(string Code, string Name);

public sealed record QualificationDto(QualificationKind Kind, string KindName, string SubjectCode, string CertificateNumber, DateOnly IssuedOn);

public sealed record AssignmentDto(Guid ClassId, string ClassName, string SubjectCode, string SubjectName, bool HeadTeacher, DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>A teacher record as the API and pages show it: the citizen ID masked, codes with their names.</summary>
public sealed record TeacherDto(Guid Id, string TeacherNumber, string Name, Sex Sex, DateOnly BirthDate, string CitizenIdMasked,
    CodeName Ethnicity, CodeName Education, CodeName Title, IReadOnlyList<CodeName> Subjects, IReadOnlyList<QualificationDto> Qualifications,
    IReadOnlyList<AssignmentDto> Assignments, string Status, string StatusName, Guid SchoolId, string SchoolName, string CountyCode, Guid? AccountId, int Version)
{
    internal static TeacherDto From(TeacherRecord t, string schoolName) => new(t.Id, t.TeacherNumber, t.Name, t.Sex, t.BirthDate, t.CitizenIdMasked,
        new CodeName(t.EthnicityCode, Kernel.Codes.Ethnicity.Find(t.EthnicityCode)?.Name ?? t.EthnicityCode),
        new CodeName(t.EducationCode, TeacherCodes.EducationName(t.EducationCode)),
        new CodeName(t.TitleCode, TeacherCodes.TitleName(t.TitleCode)),
        t.SubjectCodes.Select(s => new CodeName(s, TeacherCodes.SubjectName(s))).ToList(),
        t.Qualifications.Select(q => new QualificationDto(q.Kind, TeacherCodes.QualificationName(q.Kind), q.SubjectCode, q.CertificateNumber, q.IssuedOn)).ToList(),
        t.Assignments.OrderBy(a => a.EndedOn is not null).ThenByDescending(a => a.StartedOn)
            .Select(a => new AssignmentDto(a.ClassId, a.ClassName, a.SubjectCode, TeacherCodes.SubjectName(a.SubjectCode), a.HeadTeacher, a.StartedOn, a.EndedOn)).ToList(),
        t.Status.ToString(), TeacherCodes.StatusName(t.Status), t.SchoolId!.Value, schoolName, t.CountyCode,
        t.AccountId == Guid.Empty ? null : t.AccountId, t.Version);
}
