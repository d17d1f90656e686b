using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Calendar;

public sealed record TermDto(Guid Id, int Number, string Name, DateOnly StartsOn, DateOnly EndsOn);

public sealed record AcademicYearDto(Guid Id, int StartYear, string Name, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<TermDto> Terms);

/// <summary>A term as a request gives it; a missing name gets 第N学期.</summary>
public sealed record TermInput(int Number, string? Name, DateOnly? StartsOn, DateOnly? EndsOn);

internal static class AcademicYearRules
{
    public static AcademicYearDto ToDto(this AcademicYear y) => new(y.Id, y.StartYear, y.Name, y.StartsOn, y.EndsOn,
        y.Terms.OrderBy(t => t.Number).Select(t => new TermDto(t.Id, t.Number, t.Name, t.StartsOn, t.EndsOn)).ToList());

    public static string NameFor(int startYear) => $"{startYear}-{startYear + 1}学年";

    public static string TermName(int number) => number switch { 1 => "第一学期", 2 => "第二学期", 3 => "第三学期", _ => $"第{number}学期" };

    /// <summary>The usual calendar: 1 September to 31 August; autumn term to the end of January, spring term after it.</summary>
    public static (DateOnly Starts, DateOnly Ends, TermInput[] Terms) Defaults(int startYear) => (
        new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31),
        [
            new TermInput(1, TermName(1), new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 1, 31)),
            new TermInput(2, TermName(2), new DateOnly(startYear + 1, 2, 1), new DateOnly(startYear + 1, 8, 31)),
        ]);

    /// <summary>Dates in order, every term inside the year, term numbers 1..n without gaps, terms not overlapping.</summary>
    public static void Check(DateOnly starts, DateOnly ends, IReadOnlyList<TermInput> terms, Problems problems)
    {
        problems.Check(starts < ends, "endsOn", "学年结束日期必须晚于开始日期");
        problems.Check(terms.Count is >= 1 and <= 4, "terms", "一个学年应有1至4个学期");
        var ordered = terms.OrderBy(t => t.Number).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var t = ordered[i];
            var field = $"terms[{i}]";
            problems.Check(t.Number == i + 1, field + ".number", "学期序号应从1开始连续编号");
            problems.MaxLength(t.Name, 30, field + ".name", "学期名称");
            if (t.StartsOn is not { } s || t.EndsOn is not { } e)
            {
                problems.Add(field, "学期开始和结束日期不能为空");
                continue;
            }
            problems.Check(s < e, field + ".endsOn", $"{TermName(t.Number)}结束日期必须晚于开始日期");
            problems.Check(s >= starts && e <= ends, field, $"{TermName(t.Number)}必须在学年起止日期之内");
            if (i > 0 && ordered[i - 1].EndsOn is { } previousEnd)
            {
                problems.Check(s > previousEnd, field + ".startsOn", $"{TermName(t.Number)}不能与上一学期重叠");
            }
        }
    }

    /// <summary>
    /// The academic year that contains the given day; between years (or before any), the latest one that has started,
    /// else the earliest. Null only when there are none.
    /// </summary>
    public static async Task<AcademicYear?> CurrentAsync(OrganizationDbContext db, DateOnly today, CancellationToken ct) =>
        await db.AcademicYears.AsNoTracking().Where(y => y.StartsOn <= today).OrderByDescending(y => y.StartsOn).FirstOrDefaultAsync(ct)
        ?? await db.AcademicYears.AsNoTracking().OrderBy(y => y.StartsOn).FirstOrDefaultAsync(ct);
}
