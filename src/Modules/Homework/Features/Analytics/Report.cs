namespace EduCloud.Homework.Features.Analytics;

/// <summary>The analytics of one class over one term, as both the page and the export print it.</summary>
public sealed record Report(Guid ClassId, string ClassName, string TermCode, string TermLabel, IReadOnlyList<Row> Assignments, Row Total,
    IReadOnlyList<StudentRow> Students)
{
    /// <summary>One decimal, half away from zero: the one rounding of every rate and score the screen and export show.</summary>
    public static double? Round(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;

    public static double? Rate(int part, int whole) => whole == 0 ? null : Round(part * 100.0 / whole);

    /// <summary>How a number is written on the page (and read back by the tests): "85.5", "—" for none.</summary>
    public static string Text(double? value) => value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}

/// <summary>One assignment (or the total) of a class: counts, rates in %, marked count, mean and median 得分率, the five bands.</summary>
public sealed record Row(Guid? AssignmentId, string Title, DateTimeOffset? DueAt, int Assigned, int Submitted, int OnTime, double? Completion,
    double? Punctuality, int Marked, double? MeanPercent, double? MedianPercent, int[] Bands);

/// <summary>One student over the term, with the at-risk verdict and its reasons.</summary>
public sealed record StudentRow(Guid StudentId, string Name, int Assigned, int Submitted, double? Completion, int OnTime, double? MeanPercent,
    bool AtRisk, string Reasons);
