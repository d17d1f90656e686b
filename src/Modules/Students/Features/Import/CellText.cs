using System.Globalization;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// What real spreadsheets put in a cell, made plain: full-width digits, letters and spaces (typed with a Chinese input
/// method), a leading apostrophe (Excel's "keep as text" mark), non-breaking and zero-width spaces; and the many ways
/// a date is written, including Excel serial numbers.
/// </summary>
internal static class CellText
{
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }
        var plain = true;
        foreach (var c in raw)
        {
            if (c >= 0x7F || c == '\'')
            {
                plain = false;
                break;
            }
        }
        var text = plain ? raw : Normalize(raw);
        text = text.Trim();
        // The apostrophe may follow spaces; a second one would be data, not Excel's mark.
        return text.Length > 0 && text[0] == '\'' ? text[1..].Trim() : text;
    }

    private static string Normalize(string raw) => string.Create(raw.Length, raw, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
                '\u200B' or '\uFEFF' => ' ',
                '\u2018' or '\u2019' => '\'',
                _ => c,
            };
        }
    });

    public enum DateProblem
    {
        None,
        Empty,
        NotADate,
        DoesNotExist,
    }

    /// <summary>2015-09-01, 2015/9/1, 2015.9.1, 2015年9月1日, 20150901, or an Excel serial number (1900 date system).</summary>
    public static DateOnly? ParseDate(string text, out DateProblem problem)
    {
        problem = DateProblem.None;
        if (text.Length == 0)
        {
            problem = DateProblem.Empty;
            return null;
        }
        int year, month, day;
        if (text.Length == 8 && text.All(char.IsAsciiDigit) && (text[0] == '1' || text[0] == '2'))
        {
            year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
            month = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
            day = int.Parse(text.AsSpan(6, 2), CultureInfo.InvariantCulture);
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            // Excel's day 60 is the 29 February 1900 that never was; counting from 30 December 1899 skips it for later days.
            if (serial < 61 || serial > 2958465)
            {
                problem = DateProblem.NotADate;
                return null;
            }
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        }
        else if (!TrySplit(text, out year, out month, out day))
        {
            problem = DateProblem.NotADate;
            return null;
        }
        if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1)
        {
            problem = month is < 1 or > 12 || day < 1 ? DateProblem.DoesNotExist : DateProblem.NotADate;
            return null;
        }
        if (day > DateTime.DaysInMonth(year, month))
        {
            problem = DateProblem.DoesNotExist;
            return null;
        }
        return new DateOnly(year, month, day);
    }

    /// <summary>Year and month only (入学年月): 2020-09, 2020/9, 2020年9月, 202009, or a full date.</summary>
    public static (int Year, int Month)? ParseYearMonth(string text)
    {
        if (text.Length == 6 && text.All(char.IsAsciiDigit))
        {
            var m = int.Parse(text.AsSpan(4), CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 ? (int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture), m) : null;
        }
        if (ParseDate(text, out _) is { } date)
        {
            return (date.Year, date.Month);
        }
        var parts = Numbers(text);
        return parts.Count == 2 && parts[0] is >= 1900 and <= 2100 && parts[1] is >= 1 and <= 12 ? (parts[0], parts[1]) : null;
    }

    private static bool TrySplit(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var parts = Numbers(text);
        if (parts.Count != 3)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not ('-' or '/' or '.' or '年' or '月' or '日' or ' '))
            {
                return false;
            }
        }
        (year, month, day) = (parts[0], parts[1], parts[2]);
        return year >= 1000;
    }

    private static List<int> Numbers(string text)
    {
        var list = new List<int>(3);
        var value = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 100_000)
                {
                    return [];
                }
            }
            else if (value >= 0)
            {
                list.Add(value);
                value = -1;
            }
        }
        if (value >= 0)
        {
            list.Add(value);
        }
        return list;
    }

    /// <summary>是/否 and the forms people type for them; null when it is neither.</summary>
    public static bool? ParseYesNo(string text) => text switch
    {
        "" or "否" or "不是" or "无" or "N" or "n" or "No" or "no" or "0" or "FALSE" or "false" => false,
        "是" or "Y" or "y" or "Yes" or "yes" or "1" or "TRUE" or "true" => true,
        _ => null,
    };
}
