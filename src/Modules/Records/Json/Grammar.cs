using System.Globalization;
using System.Text.RegularExpressions;

namespace EduCloud.Records.Json;

/// <summary>The small formats xAPI 1.0.3 names: IRIs, language tags, UUIDs, ISO 8601 timestamps and durations.</summary>
internal static partial class Grammar
{
    /// <summary>An absolute IRI: a scheme, a colon, and no white space (RFC 3987 is wider, but this is what clients send).</summary>
    public static bool IsIri(ReadOnlySpan<char> value) => IriPattern().IsMatch(value);

    /// <summary>RFC 5646 in the shape the conformance suite checks: letters, then sub-tags of 1-8 letters/digits.</summary>
    public static bool IsLanguageTag(ReadOnlySpan<char> value) => LanguagePattern().IsMatch(value);

    /// <summary>A UUID in the 8-4-4-4-12 form (any variant), as the spec requires.</summary>
    public static bool IsUuid(ReadOnlySpan<char> value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

    public static bool IsMailto(ReadOnlySpan<char> value) => value.StartsWith("mailto:", StringComparison.Ordinal) && value.Length > 7 && value.IndexOf('@') > 7;

    public static bool IsSha1Hex(ReadOnlySpan<char> value) => Sha1Pattern().IsMatch(value);

    /// <summary>ISO 8601 date-time with a time zone; "-00:00" is refused as the spec asks.</summary>
    public static bool TryTimestamp(ReadOnlySpan<char> value, out DateTimeOffset at)
    {
        at = default;
        if (!TimestampPattern().IsMatch(value) || value.EndsWith("-00:00", StringComparison.Ordinal) || value.EndsWith("-0000", StringComparison.Ordinal) || value.EndsWith("-00", StringComparison.Ordinal))
        {
            return false;
        }
        if (value.Length == 0 || HasZone(value))
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
        }
        var zoned = value.Length < 64 ? stackalloc char[value.Length + 1] : new char[value.Length + 1];
        value.CopyTo(zoned);
        zoned[^1] = 'Z';
        return DateTimeOffset.TryParse(zoned, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }

    private static bool HasZone(ReadOnlySpan<char> value) => value.EndsWith('Z') || value.EndsWith('z') || ZonePattern().IsMatch(value);

    public static bool IsDuration(ReadOnlySpan<char> value) => value.Length > 1 && DurationPattern().IsMatch(value) && !value.EndsWith('T');

    /// <summary>
    /// The format the LRS writes stored and timestamp in: UTC with microseconds, the precision of the stored column,
    /// so a client's since=&lt;a statement's stored&gt; excludes exactly that statement.
    /// </summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, TimeSpan.Zero);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$")]
    private static partial Regex IriPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*|[xX](?:-[A-Za-z0-9]{1,8})+|i-[A-Za-z]{1,8})$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+\-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"[+\-]\d{2}(:?\d{2})?$")]
    private static partial Regex ZonePattern();

    [GeneratedRegex(@"^P(?:\d+(?:\.\d+)?W|(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?)$")]
    private static partial Regex DurationPattern();
}
