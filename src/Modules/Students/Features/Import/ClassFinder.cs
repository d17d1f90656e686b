using EduCloud.Kernel.Codes;
using EduCloud.Organization.Contracts;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// Resolves the 年级 and 班级 cells against the school's classes of the current academic year. Accepts the names
/// the school uses (一年级 / 1班) and the usual variants: 1年级, 初一 = 七年级, 高一 = 十年级, "1", "(1)班", "一年级1班".
/// </summary>
internal sealed class ClassFinder
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    private readonly Dictionary<string, string> _gradeAlias = [];
    private readonly Dictionary<(string Grade, string Class), SchoolClassInfo> _classes = [];
    private readonly Dictionary<string, SchoolClassInfo> _combined = [];

    public ClassFinder(IEnumerable<SchoolClassInfo> classes)
    {
        foreach (var c in classes)
        {
            var grade = Norm(c.GradeName);
            foreach (var alias in GradeAliases(c.Stage, c.Level).Append(grade))
            {
                _gradeAlias.TryAdd(alias, grade);
            }
            foreach (var name in new[] { Norm(c.ClassName), c.Number + "班" })
            {
                _classes.TryAdd((grade, name), c);
                _combined.TryAdd(grade + name, c);
            }
        }
    }

    public bool KnowsGrade(string gradeCell) => _gradeAlias.ContainsKey(Norm(gradeCell));

    public SchoolClassInfo? Find(string gradeCell, string classCell)
    {
        var grade = _gradeAlias.GetValueOrDefault(Norm(gradeCell));
        var cls = Norm(classCell);
        if (cls.Length > 0 && cls.All(char.IsAsciiDigit))
        {
            cls = int.Parse(cls, System.Globalization.CultureInfo.InvariantCulture) + "班";
        }
        if (grade is not null && _classes.TryGetValue((grade, cls), out var found))
        {
            return found;
        }
        // "一年级1班" written whole in the 班级 column (with or without the 年级 column).
        foreach (var (alias, canonical) in _gradeAlias)
        {
            if (cls.StartsWith(alias, StringComparison.Ordinal) && (grade is null || grade == canonical)
                && _combined.TryGetValue(canonical + cls[alias.Length..], out found))
            {
                return found;
            }
        }
        return null;
    }

    private static string Norm(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in CellText.Clean(text))
        {
            if (!char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）' or '-' or '_'))
            {
                sb.Append(c);
            }
        }
        // Leading zeros in "01班".
        var s = sb.ToString();
        var i = 0;
        while (i < s.Length - 1 && s[i] == '0' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
        }
        return s[i..];
    }

    private static IEnumerable<string> GradeAliases(Stage stage, int level)
    {
        var n = Numerals[Math.Clamp(level, 1, 12) - 1];
        switch (stage)
        {
            case Stage.Primary:
                yield return level + "年级";
                yield return "小学" + n + "年级";
                break;
            case Stage.Junior:
                yield return "初中" + n + "年级";
                yield return Numerals[level + 5] + "年级";
                yield return (level + 6) + "年级";
                yield return "初" + level;
                break;
            case Stage.Senior:
                yield return "高中" + n + "年级";
                yield return Numerals[level + 8] + "年级";
                yield return (level + 9) + "年级";
                yield return "高" + level;
                break;
        }
    }
}
