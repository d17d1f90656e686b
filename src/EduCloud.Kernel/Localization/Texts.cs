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

    /// <summary>
    /// Wall-clock time, so generous: the messages are short and the patterns linear, but a thread descheduled on a
    /// loaded machine once overran 50 ms (CI, load average 56) and turned an English form error into a 500.
    /// </summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

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
        // An entry with placeholders also translates the messages formatted from it in Chinese.
        foreach (var (zh, en) in translations.Where(t => t.Key.Contains("{0}", StringComparison.Ordinal)))
        {
            AddEnglishTemplate(zh, en);
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
            Templates.Add((new Regex(pattern + "$", RegexOptions.CultureInvariant, MatchTimeout), enTemplate));
        }
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Translates a Chinese source string or message to the current UI language.</summary>
    public static string T(string zh) => IsEnglish ? ToEnglish(zh) : zh;

    public static string ToEnglish(string zh) => ToEnglish(zh, depth: 0);

    /// <summary>
    /// Exact entries first, then templates, newest first: a module's specific pattern ("第{0}行：{1}") is tried
    /// before the kernel's generic ones ("{0}不能为空"). Inserted parts are translated the same way.
    /// </summary>
    private static string ToEnglish(string zh, int depth)
    {
        (Regex Pattern, string English)[] templates;
        lock (Gate)
        {
            if (English.TryGetValue(zh, out var en))
            {
                return en;
            }
            templates = [.. Templates];
        }
        if (depth > 3)
        {
            return zh;
        }
        for (var t = templates.Length - 1; t >= 0; t--)
        {
            Match match;
            try
            {
                match = templates[t].Pattern.Match(zh);
            }
            catch (RegexMatchTimeoutException)
            {
                // The timeout guards against a pathological message, not against a busy machine; a template that ran
                // out of time is skipped (the text falls back to another template or the Chinese) rather than
                // failing the page.
                continue;
            }
            if (!match.Success)
            {
                continue;
            }
            var result = templates[t].English;
            for (var i = 0; i < 9 && match.Groups["p" + i].Success; i++)
            {
                result = result.Replace("{" + i + "}", ToEnglish(match.Groups["p" + i].Value, depth + 1), StringComparison.Ordinal);
            }
            return result;
        }
        return zh;
    }
}
