namespace EduCloud.Assessment.Features;

/// <summary>Times are stored in UTC; pages show and take them as 北京时间 (UTC+8, no daylight saving), which every school in the country keeps.</summary>
internal static class Beijing
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset).ToString("yyyy-MM-dd HH:mm");

    /// <summary>The value of an &lt;input type="datetime-local"&gt; in Beijing time.</summary>
    public static string Input(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset).ToString("yyyy-MM-ddTHH:mm");

    public static DateTime? ParseInput(string? value) =>
        DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            ? DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc)
            : null;
}
