using System.Globalization;

namespace EduCloud.Kernel.Codes;

/// <summary>Which rule made a national student number (全国中小学生学籍号).</summary>
public enum StudentNumberKind
{
    /// <summary>G + citizen ID: the formal number.</summary>
    Formal = 1,
    /// <summary>J + 18 digits built by the ID-number rules, for a pupil with no usable ID.</summary>
    Substitute = 2,
    /// <summary>L + region + birth date + 4 digits: temporary until national de-duplication passes.</summary>
    Temporary = 3,
}

/// <summary>The 19-character national student number (一人一号). Kept for life; STANDARDS.md gives the rules.</summary>
public sealed record StudentNumber(string Value, StudentNumberKind Kind)
{
    /// <summary>Parses and validates; the error says in Chinese what is wrong.</summary>
    public static StudentNumber? TryParse(string? input, out string? error)
    {
        error = null;
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length != 19)
        {
            error = "学籍号应为19位（G/J/L加18位）";
            return null;
        }
        switch (text[0])
        {
            case 'G':
                if (CitizenId.TryParse(text[1..], out var idError) is null)
                {
                    error = $"G字头学籍号应为G加公民身份号码：{idError}";
                    return null;
                }
                return new StudentNumber(text, StudentNumberKind.Formal);
            case 'J':
                if (!text.AsSpan(1, 17).ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(text[18]) || text[18] == 'X')
                    && text[18] == CitizenId.ComputeCheckCharacter(text.AsSpan(1, 17)))
                {
                    return new StudentNumber(text, StudentNumberKind.Substitute);
                }
                error = "J字头学籍号应为J加按身份证号规则编制的18位，且校验码正确";
                return null;
            case 'L':
                if (text.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
                {
                    error = "L字头临时学籍号应为L加18位数字";
                    return null;
                }
                if (!RegionCode.IsWellFormed(text.Substring(1, 6))
                    || !DateOnly.TryParseExact(text.AsSpan(7, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    error = "L字头临时学籍号应为L加6位行政区划代码、8位出生日期和4位顺序号";
                    return null;
                }
                return new StudentNumber(text, StudentNumberKind.Temporary);
            default:
                error = "学籍号应以G、J或L开头";
                return null;
        }
    }

    public static string Formal(CitizenId id) => "G" + id.Value;

    /// <summary>A temporary number for a pupil whose ID is not yet confirmed: L + region + birth date + sequence.</summary>
    public static string Temporary(string regionCode, DateOnly birthDate, int sequence) =>
        "L" + regionCode + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D4", CultureInfo.InvariantCulture);
}
