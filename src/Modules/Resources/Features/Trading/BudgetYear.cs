using EduCloud.Resources.Domain;

namespace EduCloud.Resources.Features.Trading;

/// <summary>Money and budget years as people read them: ¥ with two decimals from integer cents, years in China time.</summary>
internal static class Money
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>"¥1,234.50" from 123450 cents: integer arithmetic only, never floating point.</summary>
    public static string Yuan(long cents)
    {
        var sign = cents < 0 ? "-" : "";
        var abs = Math.Abs(cents);
        return $"{sign}¥{(abs / 100).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)}.{abs % 100:00}";
    }

    /// <summary>The budget year now (China Standard Time: a purchase on 1 January 07:00 Beijing time is in the new year).</summary>
    public static int CurrentYear(TimeProvider clock) => clock.GetUtcNow().ToOffset(ChinaOffset).Year;

    /// <summary>"yyyy-MM" of an instant in China time (revenue months).</summary>
    public static string Month(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static string Term(int? years) => years is { } y ? $"{y}年" : "永久";
}

public sealed record BudgetDto(Guid SchoolId, string SchoolName, int Year, long AllocatedCents, long SpentCents, long BalanceCents, string Balance);

internal static class BudgetDtos
{
    public static BudgetDto From(SchoolBudget b, string schoolName) =>
        new(b.SchoolId!.Value, schoolName, b.Year, b.AllocatedCents, b.SpentCents, b.BalanceCents, Money.Yuan(b.BalanceCents));
}
