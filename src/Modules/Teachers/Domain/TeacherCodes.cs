using EduCloud.Teachers.Contracts;

namespace EduCloud.Teachers.Domain;

/// <summary>
/// The code lists of the teacher registry. Subjects: a project code list with the subject names of the 义务教育课程方案
/// (2022) and the 普通高中课程方案 (2017, revised 2020); there is no single national code table for "subject taught" that
/// both use, so codes are ours and names are the ministry's. Education: GB/T 4658-2006 学历代码 (graduated codes).
/// Titles: the unified primary/secondary title series of 人社部发〔2015〕79号 (正高级 to 三级), plus 未评.
/// </summary>
internal static class TeacherCodes
{
    public const string Untitled = TeacherCodeLists.Untitled;

    public static readonly IReadOnlyList<(string Code, string Name)> Subjects = TeacherCodeLists.Subjects;

    /// <summary>Names people type for the same subject (old curriculum names, short forms).</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["体育"] = "14", ["品德与生活"] = "01", ["品德与社会"] = "01", ["思想品德"] = "01", ["政治"] = "18",
        ["信息技术"] = "11", ["生物学"] = "07", ["外语"] = "04",
    };

    public static readonly IReadOnlyList<(string Code, string Name)> Educations = TeacherCodeLists.Educations;

    public static readonly IReadOnlyList<(string Code, string Name)> Titles = TeacherCodeLists.Titles;

    public static readonly IReadOnlyList<(QualificationKind Kind, string Name)> QualificationKinds = TeacherCodeLists.QualificationKinds;

    /// <summary>Accepts a code ("02") or a name ("语文", "体育"); null when unknown.</summary>
    public static string? ParseSubject(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return null;
        }
        foreach (var (code, name) in Subjects)
        {
            if (code == t || name == t)
            {
                return code;
            }
        }
        return Aliases.GetValueOrDefault(t);
    }

    public static string? ParseEducation(string? text) => Parse(Educations, text);

    public static string? ParseTitle(string? text) => Parse(Titles, text) ?? ((text ?? "").Trim() switch
    {
        "正高级" => "1", "高级" => "2", "一级" => "3", "二级" => "4", "三级" => "5", _ => null,
    });

    public static string SubjectName(string code) => Name(Subjects, code);

    public static string EducationName(string code) => Name(Educations, code);

    public static string TitleName(string code) => Name(Titles, code);

    public static string QualificationName(QualificationKind kind) =>
        QualificationKinds.FirstOrDefault(q => q.Kind == kind).Name ?? "无";

    public static string StatusName(TeacherStatus status) => status switch
    {
        TeacherStatus.Active => "在岗",
        TeacherStatus.TransferredOut => "调出",
        TeacherStatus.Retired => "退休",
        TeacherStatus.Left => "离岗",
        _ => status.ToString(),
    };

    private static string? Parse(IReadOnlyList<(string Code, string Name)> list, string? text)
    {
        var t = (text ?? "").Trim();
        foreach (var (code, name) in list)
        {
            if (t.Length > 0 && (code == t || name == t))
            {
                return code;
            }
        }
        return null;
    }

    private static string Name(IReadOnlyList<(string Code, string Name)> list, string code)
    {
        foreach (var (c, name) in list)
        {
            if (c == code)
            {
                return name;
            }
        }
        return code;
    }
}
