namespace EduCloud.Homework.Features.Analytics;

/// <summary>
/// 学期: the first term of school year Y runs from 1 August Y to 31 January Y+1, the second from 1 February to
/// 31 July Y+1 (dates in China time). Written "2026-1" / "2026-2" in links.
/// </summary>
public sealed record Term(int Year, int Half)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Kind Utc: PostgreSQL (timestamptz) refuses a DateTime of unspecified kind as a query parameter.
    public DateTime StartUtc => DateTime.SpecifyKind((Half == 1 ? new DateTime(Year, 8, 1) : new DateTime(Year + 1, 2, 1)) - China, DateTimeKind.Utc);

    public DateTime EndUtc => DateTime.SpecifyKind((Half == 1 ? new DateTime(Year + 1, 2, 1) : new DateTime(Year + 1, 8, 1)) - China, DateTimeKind.Utc);

    public string Code => $"{Year}-{Half}";

    public string Label => $"{Year}-{Year + 1}学年第{(Half == 1 ? "一" : "二")}学期";

    public Term Previous => Half == 2 ? new Term(Year, 1) : new Term(Year - 1, 2);

    public static Term Of(DateTime utc)
    {
        var local = utc + China;
        return local.Month >= 8 ? new Term(local.Year, 1) : local.Month == 1 ? new Term(local.Year - 1, 1) : new Term(local.Year - 1, 2);
    }

    /// <summary>"2026-1" or "2026-2"; anything else is the term of <paramref name="now"/>.</summary>
    public static Term Parse(string? code, DateTime now)
    {
        var parts = (code ?? "").Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], out var y) && y is > 2000 and < 2200 && parts[1] is "1" or "2"
            ? new Term(y, parts[1] == "1" ? 1 : 2)
            : Of(now);
    }
}
