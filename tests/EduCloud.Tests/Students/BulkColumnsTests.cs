using System.Text;
using EduCloud.Students.Domain;
using EduCloud.Students.Features.Import;

namespace EduCloud.Tests.Students;

/// <summary>The COPY text of the columns whose formatting the bulk writer does by hand or caches.</summary>
public sealed class BulkColumnsTests
{
    private static string Copy(string column, StudentRecord record)
    {
        var text = new StringBuilder();
        BulkColumns.Student.Single(c => c.Name == column).Copy(text, record);
        return text.ToString();
    }

    [Theory]
    [InlineData(2014, 1, 5, "2014-01-05")]
    [InlineData(1999, 12, 31, "1999-12-31")]
    [InlineData(2100, 10, 1, "2100-10-01")]
    [InlineData(1, 1, 1, "0001-01-01")]
    public void Dates_are_written_as_iso_dates(int year, int month, int day, string expected) =>
        Copy("BirthDate", new StudentRecord { BirthDate = new DateOnly(year, month, day) }).ShouldBe(expected);

    [Fact]
    public void The_cached_timestamp_text_follows_the_value()
    {
        var first = new DateTime(2026, 11, 24, 0, 30, 5, 123, DateTimeKind.Utc);
        var second = first.AddTicks(1);

        Copy("CreatedAt", new StudentRecord { CreatedAt = first }).ShouldBe("2026-11-24 00:30:05.123+00");
        Copy("CreatedAt", new StudentRecord { CreatedAt = first }).ShouldBe("2026-11-24 00:30:05.123+00");
        Copy("CreatedAt", new StudentRecord { CreatedAt = second }).ShouldBe("2026-11-24 00:30:05.1230001+00");
        Copy("ConsentRecordedAt", new StudentRecord()).ShouldBe(@"\N");
    }
}
