using System.Globalization;
using System.Text.RegularExpressions;

namespace EduCloud.Kernel.Localization;

/// <summary>
/// The UI speaks Simplified Chinese first. Source strings are Chinese; each module registers English
/// translations for its strings. Messages built from a pattern (for example "{0}不能为空") are translated
/// through templates, with each inserted part translated in turn. A missing translation falls back to the
/// Chinese text, never to a key. We chose this over .resx files: the Chinese text is the key, so the
/// code reads in the language of its users, and one dictionary per module is easy to review.
/// </summary>
public static class Texts
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal);
    private static readonly List<(Regex Pattern, string English)> Templates = [];
    private static readonly Lock Gate = new();

    static Texts()
    {
        AddEnglish(KernelTexts.English);
        foreach (var (zh, en) in KernelTexts.Templates)
        {
            AddEnglishTemplate(zh, en);
        }
    }

    public static void AddEnglish(IReadOnlyDictionary<string, string> translations)
    {
        lock (Gate)
        {
            foreach (var (zh, en) in translations)
            {
                English[zh] = en;
            }
        }
    }

    /// <summary>Registers a pattern such as "{0}不能超过{1}个字符" → "{0} must be at most {1} characters".</summary>
    public static void AddEnglishTemplate(string zhTemplate, string enTemplate)
    {
        var pattern = "^" + Regex.Escape(zhTemplate).Replace(@"\{", "{", StringComparison.Ordinal);
        for (var i = 0; i < 9; i++)
        {
            pattern = pattern.Replace("{" + i + "}", $"(?<p{i}>.+?)", StringComparison.Ordinal);
        }
        lock (Gate)
        {
            Templates.Add((new Regex(pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), enTemplate));
        }
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Translates a Chinese source string or message to the current UI language.</summary>
    public static string T(string zh) => IsEnglish ? ToEnglish(zh) : zh;

    public static string ToEnglish(string zh)
    {
        lock (Gate)
        {
            if (English.TryGetValue(zh, out var en))
            {
                return en;
            }
            foreach (var (pattern, template) in Templates)
            {
                var match = pattern.Match(zh);
                if (match.Success)
                {
                    var result = template;
                    for (var i = 0; i < 9 && match.Groups["p" + i].Success; i++)
                    {
                        var part = match.Groups["p" + i].Value;
                        result = result.Replace("{" + i + "}", English.GetValueOrDefault(part, part), StringComparison.Ordinal);
                    }
                    return result;
                }
            }
        }
        return zh;
    }
}
