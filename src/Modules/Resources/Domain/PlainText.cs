using System.Text.RegularExpressions;

namespace EduCloud.Resources.Domain;

/// <summary>
/// Text fields are stored as plain text and rendered encoded. Markup is refused rather than stripped: a title
/// silently changed by the server is a surprise to its author, while a clear message lets them fix it. Only
/// tag-like sequences count ("&lt;script", "&lt;/b", "&lt;!--", "&lt;?"), so "3&lt;5" in a maths title stays allowed.
/// Control characters (other than line breaks and tabs) are removed: they have no place in metadata.
/// </summary>
internal static partial class PlainText
{
    [GeneratedRegex(@"<\s*[/!?a-zA-Z]")]
    private static partial Regex TagLike();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]")]
    private static partial Regex Controls();

    public static bool HasMarkup(string? value) => value is not null && TagLike().IsMatch(value);

    public static string Clean(string? value) => value is null ? "" : Controls().Replace(value, "").Trim();
}
