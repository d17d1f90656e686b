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

    /// <summary>
    /// <see cref="Format"/> of <see cref="FromMicros"/> as UTF-8 into <paramref name="destination"/> (27 bytes), by hand:
    /// the custom format string's engine and the string it makes were paid once per statement of a batch.
    /// </summary>
    public static int FormatUtf8(long micros, Span<byte> destination)
    {
        var at = FromMicros(micros).UtcDateTime;
        var (year, month, day) = at;
        var time = at.TimeOfDay;
        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        Digits(destination.Slice(11, 2), time.Hours);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), time.Minutes);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), time.Seconds);
        destination[19] = (byte)'.';
        Digits(destination.Slice(20, 6), (int)(time.Ticks % TimeSpan.TicksPerSecond / 10));
        destination[26] = (byte)'Z';
        return 27;

        static void Digits(Span<byte> into, int value)
        {
            for (var i = into.Length - 1; i >= 0; i--)
            {
                into[i] = (byte)('0' + value % 10);
                value /= 10;
            }
        }
    }

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
