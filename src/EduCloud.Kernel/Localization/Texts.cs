using System.Globalization;

namespace EduCloud.Kernel.Localization;

/// <summary>
/// The UI speaks Simplified Chinese first. Source strings are Chinese; each module registers English
/// translations for its strings. A missing translation falls back to the Chinese text, never to a key.
/// </summary>
public static class Texts
{
    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

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

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Translates a Chinese source string to the current UI language.</summary>
    public static string T(string zh) => IsEnglish && English.TryGetValue(zh, out var en) ? en : zh;
}
