using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Students.Domain;

namespace EduCloud.Students.Features.Records;

/// <summary>A guardian as a request gives it; the phone is encrypted on the way in.</summary>
internal sealed record GuardianInput(string? Name, string? Relation, string? Phone);

/// <summary>The parsing and checks admission and update share, so both name the same fields with the same messages.</summary>
internal static class StudentFields
{
    public static Sex? ParseSex(string? text) => (text ?? "").Trim() switch
    {
        "1" or "男" or "Male" or "male" => Sex.Male,
        "2" or "女" or "Female" or "female" => Sex.Female,
        _ => null,
    };

    public static T? ParseEnum<T>(string? text, string field, string label, Problems problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Enum.TryParse<T>(text, true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }
        problems.Add(field, $"{label}无效");
        return null;
    }

    public static List<Guardian> Guardians(IReadOnlyList<GuardianInput>? input, PersonalDataProtector protector, Problems problems)
    {
        var result = new List<Guardian>();
        for (var i = 0; i < (input?.Count ?? 0); i++)
        {
            var g = input![i];
            problems.Required(g.Name, $"guardians[{i}].name", "监护人姓名").MaxLength(g.Name, 50, $"guardians[{i}].name", "监护人姓名");
            problems.Required(g.Relation, $"guardians[{i}].relation", "与学生关系");
            var phone = (g.Phone ?? "").Trim();
            problems.Check(phone.Length == 0 || (phone.Length is >= 7 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c == '-')), $"guardians[{i}].phone", "联系电话格式有误");
            result.Add(new Guardian
            {
                Name = (g.Name ?? "").Trim(),
                Relation = (g.Relation ?? "").Trim(),
                PhoneCipher = phone.Length == 0 ? null : protector.Protect(phone),
                PhoneMasked = phone.Length < 7 ? null : phone[..3] + new string('*', phone.Length - 7) + phone[^4..],
            });
        }
        return result;
    }

    /// <summary>学籍号 in a list: it holds the citizen ID, so only its head and tail are shown.</summary>
    public static string MaskNumber(string number) => number.Length <= 9 ? number : number[..5] + new string('*', number.Length - 9) + number[^4..];

    public static string StageName(Stage stage) => stage switch
    {
        Stage.Preschool => "学前",
        Stage.Primary => "小学",
        Stage.Junior => "初中",
        Stage.Senior => "高中",
        Stage.Vocational => "中职",
        Stage.Higher => "高等教育",
        _ => "特殊教育",
    };
}
