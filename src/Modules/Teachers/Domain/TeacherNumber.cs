using System.Globalization;

namespace EduCloud.Teachers.Domain;

/// <summary>
/// 教师编号 (national teacher number) as this platform issues it. The 全国教师管理信息系统 assigns its own numbers and
/// publishes no public rule, so ours is documented here: 16 digits =
///   6-digit GB/T 2260 county code of the school where the teacher was first registered
/// + 4-digit year of registration
/// + 5-digit sequence within that county and year
/// + 1 check digit, ISO 7064 MOD 11-10 over the first 15 (always a digit, catches every single-digit error and
///   every adjacent swap).
/// It is not derived from the citizen ID, so it reveals no birth date or sex and survives an ID correction. It never
/// changes: a transfer to another county keeps it. A number issued by the national system can be entered instead
/// when it passes the same check.
/// </summary>
internal static class TeacherNumber
{
    public const int Length = 16;

    public static string Compose(string countyCode, int year, int sequence)
    {
        var first15 = countyCode + year.ToString("D4", CultureInfo.InvariantCulture) + sequence.ToString("D5", CultureInfo.InvariantCulture);
        return first15 + CheckDigit(first15);
    }

    /// <summary>Null when valid, else the problem in Chinese.</summary>
    public static string? Validate(string number)
    {
        if (number.Length != Length || !number.All(char.IsAsciiDigit))
        {
            return "教师编号应为16位数字";
        }
        if (number[15] != CheckDigit(number.AsSpan(0, 15)))
        {
            return "教师编号校验位不正确";
        }
        return null;
    }

    public static char CheckDigit(ReadOnlySpan<char> first15)
    {
        var p = 10;
        foreach (var c in first15)
        {
            var s = (p + (c - '0')) % 10;
            if (s == 0)
            {
                s = 10;
            }
            p = s * 2 % 11;
        }
        return (char)('0' + ((11 - p) % 10));
    }
}
