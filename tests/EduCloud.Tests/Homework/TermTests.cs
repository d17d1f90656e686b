using EduCloud.Homework.Features.Analytics;

namespace EduCloud.Tests.Homework;

/// <summary>The school terms the analytics group homework by (China time, 1 August and 1 February).</summary>
public sealed class TermTests
{
    [Theory]
    [InlineData("2026-11-23T04:00:00Z", "2026-1")]
    [InlineData("2027-01-31T15:59:00Z", "2026-1")] // 23:59 on 31 January in China
    [InlineData("2027-01-31T16:00:00Z", "2026-2")] // 00:00 on 1 February in China
    [InlineData("2027-07-31T15:59:00Z", "2026-2")]
    [InlineData("2027-07-31T16:00:00Z", "2027-1")]
    public void A_moment_falls_in_the_term_of_its_china_date(string utc, string term) =>
        Term.Of(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).Code.ShouldBe(term);

    [Fact]
    public void Term_bounds_are_utc_and_meet_without_a_gap()
    {
        var autumn = Term.Parse("2026-1", DateTime.UtcNow);
        autumn.StartUtc.Kind.ShouldBe(DateTimeKind.Utc);
        autumn.EndUtc.ShouldBe(Term.Parse("2026-2", DateTime.UtcNow).StartUtc);
        autumn.Label.ShouldBe("2026-2027学年第一学期");
        Term.Parse("nonsense", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)).Code.ShouldBe("2025-2");
    }
}
