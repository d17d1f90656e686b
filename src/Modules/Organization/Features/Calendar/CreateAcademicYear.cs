using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Calendar;

/// <summary>
/// Opens an academic year, e.g. StartYear 2026 gives 2026-2027学年 from 1 September 2026 to 31 August 2027 with
/// 第一学期 and 第二学期 unless the request gives its own dates. The endpoint admits national and province administrators only:
/// the calendar is national reference data, so the scope filter has nothing to say about it.
/// </summary>
internal static class CreateAcademicYear
{
    public sealed record Request(int? StartYear, DateOnly? StartsOn, DateOnly? EndsOn, TermInput[]? Terms);

    public static async Task<AcademicYearDto> HandleAsync(OrganizationDbContext db, Request request, CancellationToken ct)
    {
        if (request.StartYear is not (>= 2000 and <= 2100) || request.StartYear is not { } startYear)
        {
            throw ValidationFailedException.For("startYear", "学年起始年份应在2000至2100之间");
        }
        var defaults = AcademicYearRules.Defaults(startYear);
        var starts = request.StartsOn ?? defaults.Starts;
        var ends = request.EndsOn ?? defaults.Ends;
        var terms = request.Terms is { Length: > 0 } given ? given : defaults.Terms;
        var problems = new Problems();
        AcademicYearRules.Check(starts, ends, terms, problems);
        problems.Check(starts.Year == startYear, "startsOn", "学年开始日期应在起始年份内");
        problems.ThrowIfAny();
        if (await db.AcademicYears.AnyAsync(y => y.StartYear == startYear, ct))
        {
            throw new ConflictException("startYear", $"{AcademicYearRules.NameFor(startYear)}已存在");
        }
        var year = new AcademicYear { StartYear = startYear, Name = AcademicYearRules.NameFor(startYear), StartsOn = starts, EndsOn = ends };
        year.Terms.AddRange(terms.Select(t => new Term
        {
            AcademicYearId = year.Id,
            Number = t.Number,
            Name = string.IsNullOrWhiteSpace(t.Name) ? AcademicYearRules.TermName(t.Number) : t.Name.Trim(),
            StartsOn = t.StartsOn!.Value,
            EndsOn = t.EndsOn!.Value,
        }));
        db.AcademicYears.Add(year);
        await db.SaveChangesAsync(ct);
        return year.ToDto();
    }

    public static async Task<Created<AcademicYearDto>> EndpointAsync(OrganizationDbContext db, Request request, CancellationToken ct)
    {
        var year = await HandleAsync(db, request, ct);
        return TypedResults.Created($"/api/v1/academic-years/{year.Id}", year);
    }
}
