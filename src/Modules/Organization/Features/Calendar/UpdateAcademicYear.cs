using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Calendar;

/// <summary>Moves the dates of an academic year and its terms (a province shifts the spring term, say). The start year and name stay.</summary>
internal static class UpdateAcademicYear
{
    public sealed record Request(DateOnly? StartsOn, DateOnly? EndsOn, TermInput[]? Terms);

    public static async Task<AcademicYearDto> HandleAsync(OrganizationDbContext db, Guid id, Request request, CancellationToken ct)
    {
        var year = await db.AcademicYears.Include(y => y.Terms).FirstOrDefaultAsync(y => y.Id == id, ct) ?? throw new NotFoundException("未找到该学年");
        var starts = request.StartsOn ?? year.StartsOn;
        var ends = request.EndsOn ?? year.EndsOn;
        var terms = request.Terms is { Length: > 0 } given ? given
            : year.Terms.Select(t => new TermInput(t.Number, t.Name, t.StartsOn, t.EndsOn)).ToArray();
        var problems = new Problems();
        AcademicYearRules.Check(starts, ends, terms, problems);
        problems.ThrowIfAny();
        year.StartsOn = starts;
        year.EndsOn = ends;
        foreach (var input in terms)
        {
            var term = year.Terms.FirstOrDefault(t => t.Number == input.Number);
            if (term is null)
            {
                term = new Term { AcademicYearId = year.Id, Number = input.Number };
                year.Terms.Add(term);
            }
            term.Name = string.IsNullOrWhiteSpace(input.Name) ? term.Name.Length > 0 ? term.Name : AcademicYearRules.TermName(input.Number) : input.Name.Trim();
            term.StartsOn = input.StartsOn!.Value;
            term.EndsOn = input.EndsOn!.Value;
        }
        foreach (var dropped in year.Terms.Where(t => terms.All(i => i.Number != t.Number)).ToList())
        {
            year.Terms.Remove(dropped);
            db.Terms.Remove(dropped);
        }
        await db.SaveChangesAsync(ct);
        return year.ToDto();
    }

    public static async Task<Ok<AcademicYearDto>> EndpointAsync(OrganizationDbContext db, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, id, request, ct));
}
