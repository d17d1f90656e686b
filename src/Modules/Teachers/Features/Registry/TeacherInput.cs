using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Contracts;
using EduCloud.Teachers.Domain;

namespace EduCloud.Teachers.Features.Registry;

public sealed record QualificationInput(string? Kind, string? Subject, string? CertificateNumber, DateOnly? IssuedOn);

public sealed record AssignmentInput(Guid? ClassId, string? Subject, bool HeadTeacher);

/// <summary>The fields a create or an update carries; each is checked here so both report the same errors under the same names.</summary>
public sealed record TeacherFields(string? Name, string? CitizenId, string? Sex, DateOnly? BirthDate, string? Ethnicity, string? Education, string? Title,
    string[]? Subjects, QualificationInput[]? Qualifications, AssignmentInput[]? Assignments, Guid? AccountId);

internal static class TeacherInput
{
    /// <summary>Validates every field and, when all pass, writes them onto the record (personal data encrypted).</summary>
    public static async Task ApplyAsync(TeacherRecord teacher, TeacherFields input, Guid schoolId, IOrganizationDirectory directory,
        PersonalDataProtector protector, DateOnly today, Problems problems, CancellationToken ct)
    {
        problems.Required(input.Name, "name", "姓名").MaxLength(input.Name?.Trim(), 50, "name", "姓名");
        var id = CitizenId.TryParse(input.CitizenId, out var idError);
        problems.Check(id is not null, "citizenId", idError ?? "");
        if (id is not null)
        {
            problems.Check(id.Value.Length == 18, "citizenId", "教师须使用18位公民身份号码");
            problems.Check(input.BirthDate is null || input.BirthDate == id.BirthDate, "birthDate", "出生日期与公民身份号码不一致");
            var sex = ParseSex(input.Sex);
            problems.Check(input.Sex is null || sex is not null, "sex", "性别应为男或女");
            problems.Check(sex is null || sex == id.Sex, "sex", "性别与公民身份号码不一致");
            problems.Check(id.BirthDate.AddYears(18) <= today, "citizenId", "教师应年满18周岁");
        }
        var ethnicity = Ethnicity.Parse(input.Ethnicity);
        problems.Check(ethnicity is not null, "ethnicity", "民族不在 GB 3304 代码表中");
        var education = TeacherCodes.ParseEducation(input.Education);
        problems.Check(education is not null, "education", "学历代码不正确");
        var title = string.IsNullOrWhiteSpace(input.Title) ? TeacherCodes.Untitled : TeacherCodes.ParseTitle(input.Title);
        problems.Check(title is not null, "title", "职称应为正高级、高级、一级、二级、三级或未评");

        var subjects = new List<string>();
        var subjectInputs = input.Subjects ?? [];
        problems.Check(subjectInputs.Length > 0, "subjects", "至少填写一个任教学科");
        for (var i = 0; i < subjectInputs.Length; i++)
        {
            var code = TeacherCodes.ParseSubject(subjectInputs[i]);
            problems.Check(code is not null, $"subjects[{i}]", $"未知学科：{subjectInputs[i]}");
            if (code is not null && !subjects.Contains(code))
            {
                subjects.Add(code);
            }
        }

        var qualifications = CheckQualifications(input.Qualifications ?? [], today, problems);
        var assignments = await CheckAssignmentsAsync(input.Assignments ?? [], schoolId, directory, problems, ct);
        problems.ThrowIfAny();

        teacher.Name = input.Name!.Trim();
        // Re-encrypt only when the number really changed, so the audit names CitizenIdCipher only then.
        var hash = protector.Hash(id!.Value);
        if (hash != teacher.CitizenIdHash)
        {
            teacher.CitizenIdCipher = protector.Protect(id.Value);
            teacher.CitizenIdHash = hash;
            teacher.CitizenIdMasked = CitizenId.Mask(id.Value);
        }
        teacher.Sex = id.Sex;
        teacher.BirthDate = id.BirthDate;
        teacher.EthnicityCode = ethnicity!.Code;
        teacher.EducationCode = education!;
        teacher.TitleCode = title!;
        teacher.SubjectCodes = subjects;
        teacher.Qualifications = qualifications;
        MergeAssignments(teacher, assignments, today);
        teacher.AccountId = input.AccountId ?? Guid.Empty;
        teacher.Derive();
    }

    private static List<Qualification> CheckQualifications(QualificationInput[] inputs, DateOnly today, Problems problems)
    {
        var list = new List<Qualification>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var q = inputs[i];
            var field = $"qualifications[{i}]";
            var kind = ParseKind(q.Kind);
            problems.Check(kind is not null, field + ".kind", "教师资格种类应为幼儿园、小学、初级中学、高级中学、中职专业课或中职实习指导");
            var subject = string.IsNullOrWhiteSpace(q.Subject) ? "" : TeacherCodes.ParseSubject(q.Subject);
            problems.Check(subject is not null, field + ".subject", $"未知学科：{q.Subject}");
            var number = (q.CertificateNumber ?? "").Trim();
            // 教师资格证书编号: 17 digits (year 4 + province 2 + county 4... as printed); we check the shape only.
            problems.Check(number.Length == 17 && number.All(char.IsAsciiDigit), field + ".certificateNumber", "教师资格证书编号应为17位数字");
            problems.Check(q.IssuedOn is { } d && d <= today && d.Year >= 1990, field + ".issuedOn", "发证日期无效");
            if (kind is not null && subject is not null && q.IssuedOn is { } issued)
            {
                list.Add(new Qualification { Kind = kind.Value, SubjectCode = subject, CertificateNumber = number, IssuedOn = issued });
            }
        }
        return list;
    }

    private static async Task<List<ClassAssignment>> CheckAssignmentsAsync(AssignmentInput[] inputs, Guid schoolId, IOrganizationDirectory directory, Problems problems, CancellationToken ct)
    {
        var ids = inputs.Where(a => a.ClassId is not null).Select(a => a.ClassId!.Value).Distinct().ToList();
        var classes = ids.Count == 0 ? new Dictionary<Guid, ClassInfo>() : await directory.FindClassesAsync(ids, ct);
        var list = new List<ClassAssignment>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var a = inputs[i];
            var field = $"assignments[{i}]";
            var cls = a.ClassId is { } cid ? classes.GetValueOrDefault(cid) : null;
            if (cls is null)
            {
                problems.Add(field + ".classId", "班级不存在");
            }
            else
            {
                problems.Check(cls.SchoolId == schoolId, field + ".classId", "班级不属于该教师所在学校");
                problems.Check(!cls.Retired, field + ".classId", "班级已撤销");
            }
            var subject = TeacherCodes.ParseSubject(a.Subject);
            problems.Check(subject is not null, field + ".subject", $"未知学科：{a.Subject}");
            if (cls is not null && subject is not null)
            {
                list.Add(new ClassAssignment { ClassId = cls.Id, ClassName = cls.GradeName + cls.Name, SchoolId = cls.SchoolId, SubjectCode = subject, HeadTeacher = a.HeadTeacher });
            }
        }
        problems.Check(list.Count(x => x.HeadTeacher) == list.Where(x => x.HeadTeacher).Select(x => x.ClassId).Distinct().Count(), "assignments", "同一班级只能标记一次班主任");
        return list;
    }

    /// <summary>Current assignments not asked for any more end today; new ones start today; ended ones stay as history.</summary>
    private static void MergeAssignments(TeacherRecord teacher, List<ClassAssignment> wanted, DateOnly today)
    {
        foreach (var current in teacher.Assignments.Where(a => a.EndedOn is null))
        {
            var same = wanted.FirstOrDefault(w => w.ClassId == current.ClassId && w.SubjectCode == current.SubjectCode);
            if (same is null)
            {
                current.EndedOn = today;
            }
            else
            {
                current.HeadTeacher = same.HeadTeacher;
                wanted.Remove(same);
            }
        }
        foreach (var added in wanted)
        {
            added.StartedOn = today;
            teacher.Assignments.Add(added);
        }
    }

    public static QualificationKind? ParseKind(string? text)
    {
        var t = (text ?? "").Trim();
        foreach (var (kind, name) in TeacherCodes.QualificationKinds)
        {
            if (t == name || t == name + "教师资格" || t.Equals(kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        return null;
    }

    private static Sex? ParseSex(string? text) => (text ?? "").Trim() switch
    {
        "男" or "1" or "Male" or "male" => Sex.Male,
        "女" or "2" or "Female" or "female" => Sex.Female,
        _ => null,
    };
}
